package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.CrmLinkStore;

/** The members' CRM links, one per member. */
final class InMemoryCrmLinkStore implements CrmLinkStore {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final Table<Long, CrmLink> links;

  InMemoryCrmLinkStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.links = new Table<>(transactor);
  }

  @Override
  public void put(CrmLink link) {
    requireNonNull(link, "link");
    transactor.inTransaction(() -> {
      References.require(members.exists(link.memberId()), "crm link", "member", link.memberId());
      links.put(link.memberId().value(), link);
      return null;
    });
  }

  @Override
  public Optional<CrmLink> find(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> links.get(memberId.value()));
  }

  @Override
  public boolean delete(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> links.remove(memberId.value()));
  }
}
