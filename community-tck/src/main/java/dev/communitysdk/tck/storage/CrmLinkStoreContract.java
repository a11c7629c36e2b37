package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.CrmLinkStore;

/**
 * The CRM link storage contract: {@link CrmLinkStore} keeps at most one link per member, replaces it on put, deletes
 * it, and refuses links of members that do not exist. An adapter's test extends this class and makes a fresh store,
 * exactly as for {@link CommunityStoreContract}.
 */
public abstract class CrmLinkStoreContract extends StoreContract {
  /** For adapters' tests. */
  protected CrmLinkStoreContract() {}

  private CrmLinkStore links() {
    return store().crmLinks();
  }

  @Test
  @DisplayName("a link reads back with every field, and a member without one has none")
  void put_readsBack() {
    tx().inTransaction(() -> {
      Member ann = newMember();
      Member bob = newMember();
      CrmLink link = new CrmLink(ann.id(), "contact-ann", Optional.of("acme"), false, at(5));
      CrmLink noAccount = new CrmLink(bob.id(), "003A000001", Optional.empty(), true, at(6));
      links().put(link);
      links().put(noAccount);

      assertThat(links().find(ann.id())).contains(link);
      assertThat(links().find(bob.id())).contains(noAccount);
      assertThat(links().find(newMember().id())).isEmpty();
      return null;
    });
  }

  @Test
  @DisplayName("putting a member's link again replaces it, and the same link twice leaves it as it was")
  void put_replaces() {
    tx().inTransaction(() -> {
      Member ann = newMember();
      CrmLink first = new CrmLink(ann.id(), "contact-ann", Optional.of("acme"), false, at(5));
      CrmLink moved = new CrmLink(ann.id(), "contact-ann", Optional.of("globex"), true, at(9));
      links().put(first);
      links().put(first);
      assertThat(links().find(ann.id())).contains(first);

      links().put(moved);
      assertThat(links().find(ann.id())).contains(moved);
      return null;
    });
  }

  @Test
  @DisplayName("delete removes the member's link only, once")
  void delete_removesOnce() {
    tx().inTransaction(() -> {
      Member ann = newMember();
      Member bob = newMember();
      links().put(new CrmLink(ann.id(), "contact-ann", Optional.empty(), false, at(5)));
      CrmLink bobs = new CrmLink(bob.id(), "contact-bob", Optional.of("acme"), false, at(5));
      links().put(bobs);

      assertThat(links().delete(ann.id())).isTrue();
      assertThat(links().delete(ann.id())).isFalse();
      assertThat(links().find(ann.id())).isEmpty();
      assertThat(links().find(bob.id())).contains(bobs);
      return null;
    });
  }

  @Test
  @DisplayName("a link of a member that does not exist is refused")
  void put_unknownMember_refused() {
    assertThatThrownBy(() -> tx().inTransaction(() -> {
      links().put(new CrmLink(new MemberId(999_999), "contact-x", Optional.empty(), false, at(5)));
      return null;
    })).isInstanceOf(StorageException.class);
  }

  @Test
  @DisplayName("a put rolled back with its transaction leaves no link")
  void put_rolledBack_leavesNothing() {
    Member ann = tx().inTransaction(this::newMember);
    assertThatThrownBy(() -> tx().inTransaction(() -> {
      links().put(new CrmLink(ann.id(), "contact-ann", Optional.empty(), false, at(5)));
      throw new IllegalStateException("rolled back");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(tx().inTransaction(() -> links().find(ann.id()))).isEmpty();
  }
}
