package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.model.PendingDigest;
import dev.communitysdk.spi.model.QueuedNotification;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.notification.NotificationKind;
import dev.communitysdk.spi.storage.DigestStore;
import dev.communitysdk.spi.storage.SubscriptionStore;

/**
 * {@link SubscriptionStore} and {@link DigestStore}: one subscription per member and target, listings by member and by
 * target in id order, delivery preferences, kept notifications once per key, and digests sealed once even by
 * concurrent sealers. Extend it with a fresh-store factory.
 */
public abstract class NotificationStoreContract extends StoreContract {
  private static final SubscriptionTarget TOPIC = SubscriptionTarget.topic(new TopicId(7));
  private static final SubscriptionTarget SPACE = SubscriptionTarget.space(new SpaceId(3));
  private static final SubscriptionTarget TAG = SubscriptionTarget.tag("wifi");

  /** For adapters' tests. */
  protected NotificationStoreContract() {}

  private SubscriptionStore subscriptions() {
    return store().subscriptions();
  }

  private DigestStore digests() {
    return store().digests();
  }

  @Nested
  @DisplayName("Subscriptions")
  class Subscriptions {
    @Test
    @DisplayName("are inserted once per member and target, found, changed and deleted")
    void insertFindUpdateDelete() {
      Member alice = newMember();
      Subscription inserted = subscriptions().insert(alice.id(), TOPIC, WatchLevel.WATCHING, at(1));

      assertThat(inserted.id()).isPositive();
      assertThat(subscriptions().find(alice.id(), TOPIC)).contains(inserted);
      assertThat(subscriptions().find(alice.id(), SPACE)).isEmpty();
      assertThatThrownBy(() -> tx().inTransaction(
          () -> subscriptions().insert(alice.id(), TOPIC, WatchLevel.MUTED, at(2))))
          .isInstanceOf(DuplicateKeyException.class);

      assertThat(subscriptions().updateLevel(alice.id(), TOPIC, WatchLevel.MUTED, at(3))).isTrue();
      assertThat(subscriptions().find(alice.id(), TOPIC))
          .contains(new Subscription(inserted.id(), alice.id(), TOPIC, WatchLevel.MUTED, at(3)));
      assertThat(subscriptions().updateLevel(alice.id(), SPACE, WatchLevel.MUTED, at(3))).isFalse();

      assertThat(subscriptions().delete(alice.id(), TOPIC)).isTrue();
      assertThat(subscriptions().delete(alice.id(), TOPIC)).isFalse();
      assertThat(subscriptions().find(alice.id(), TOPIC)).isEmpty();
    }

    @Test
    @DisplayName("refer to existing members")
    void referToMembers() {
      assertThatThrownBy(() -> tx().inTransaction(
          () -> subscriptions().insert(new MemberId(999_999), TOPIC, WatchLevel.WATCHING, at(1))))
          .isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("list one member's subscriptions in id order, page by page")
    void listByMember() {
      Member alice = newMember();
      Member bob = newMember();
      List<Subscription> mine = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        mine.add(subscriptions().insert(alice.id(), SubscriptionTarget.tag("tag-" + i), WatchLevel.TRACKING, at(i)));
        subscriptions().insert(bob.id(), SubscriptionTarget.tag("tag-" + i), WatchLevel.WATCHING, at(i));
      }

      List<Subscription> first = subscriptions().listByMember(alice.id(), Optional.empty(), 2);
      List<Subscription> rest = subscriptions().listByMember(alice.id(), Optional.of(first.get(1).id()), 10);

      assertThat(first).containsExactlyElementsOf(mine.subList(0, 2));
      assertThat(rest).containsExactlyElementsOf(mine.subList(2, 5));
      assertThatThrownBy(() -> subscriptions().listByMember(alice.id(), Optional.empty(), 0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("list every member's subscriptions to some targets in id order, and nothing for no target")
    void listByTargets() {
      Member alice = newMember();
      Member bob = newMember();
      Subscription a1 = subscriptions().insert(alice.id(), TOPIC, WatchLevel.WATCHING, at(1));
      subscriptions().insert(alice.id(), SubscriptionTarget.tag("other"), WatchLevel.WATCHING, at(1));
      Subscription b1 = subscriptions().insert(bob.id(), SPACE, WatchLevel.MUTED, at(1));
      Subscription b2 = subscriptions().insert(bob.id(), TAG, WatchLevel.TRACKING, at(1));
      subscriptions().insert(bob.id(), SubscriptionTarget.space(new SpaceId(4)), WatchLevel.WATCHING, at(1));

      List<SubscriptionTarget> targets = List.of(TOPIC, SPACE, TAG);
      assertThat(subscriptions().listByTargets(targets, Optional.empty(), 10)).containsExactly(a1, b1, b2);
      assertThat(subscriptions().listByTargets(targets, Optional.of(a1.id()), 1)).containsExactly(b1);
      assertThat(subscriptions().listByTargets(List.of(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    @DisplayName("keep one delivery preference per member, replaced by the next choice")
    void deliveryPreference() {
      Member alice = newMember();
      Member bob = newMember();
      assertThat(subscriptions().findDelivery(alice.id())).isEmpty();

      subscriptions().setDelivery(alice.id(), NotificationDelivery.DIGEST, at(1));
      subscriptions().setDelivery(bob.id(), NotificationDelivery.IMMEDIATE, at(1));
      assertThat(subscriptions().findDelivery(alice.id())).contains(NotificationDelivery.DIGEST);
      subscriptions().setDelivery(alice.id(), NotificationDelivery.IMMEDIATE, at(2));

      assertThat(subscriptions().findDelivery(alice.id())).contains(NotificationDelivery.IMMEDIATE);
      assertThat(subscriptions().findDelivery(bob.id())).contains(NotificationDelivery.IMMEDIATE);
    }

    @Test
    @DisplayName("of one member are all forgotten at once, with their delivery preference, as erasure needs")
    void deleteByMember() {
      Member alice = newMember();
      Member bob = newMember();
      subscriptions().insert(alice.id(), TOPIC, WatchLevel.WATCHING, at(1));
      subscriptions().insert(alice.id(), TAG, WatchLevel.MUTED, at(1));
      subscriptions().setDelivery(alice.id(), NotificationDelivery.DIGEST, at(1));
      Subscription bobs = subscriptions().insert(bob.id(), TOPIC, WatchLevel.WATCHING, at(1));
      subscriptions().setDelivery(bob.id(), NotificationDelivery.DIGEST, at(1));

      assertThat(subscriptions().deleteByMember(alice.id())).isEqualTo(2);

      assertThat(subscriptions().listByMember(alice.id(), Optional.empty(), 10)).isEmpty();
      assertThat(subscriptions().findDelivery(alice.id())).isEmpty();
      assertThat(subscriptions().listByTargets(List.of(TOPIC, TAG), Optional.empty(), 10)).containsExactly(bobs);
      assertThat(subscriptions().findDelivery(bob.id())).contains(NotificationDelivery.DIGEST);
      assertThat(subscriptions().deleteByMember(alice.id())).isZero();
    }
  }

  @Nested
  @DisplayName("Digests")
  class Digests {
    @Test
    @DisplayName("keep a notification once per key")
    void enqueueOncePerKey() {
      Member alice = newMember();
      NotificationItem item = item(alice, "k-1");
      QueuedNotification queued = digests().enqueue(item);

      assertThat(queued.item()).isEqualTo(item);
      assertThat(queued.digestId()).isEmpty();
      assertThat(digests().contains("k-1")).isTrue();
      assertThat(digests().contains("k-2")).isFalse();
      assertThatThrownBy(() -> tx().inTransaction(() -> digests().enqueue(item(alice, "k-1"))))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> tx().inTransaction(
          () -> digests().enqueue(new NotificationItem(new MemberId(999_999), "k-3", NotificationKind.REPLY, "s", 0,
              0, at(1)))))
          .isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("seal each member's open notifications into one digest, sent once")
    void sealListAndMarkSent() {
      Member alice = newMember();
      Member bob = newMember();
      QueuedNotification a1 = digests().enqueue(item(alice, "a-1"));
      QueuedNotification a2 = digests().enqueue(item(alice, "a-2"));
      QueuedNotification b1 = digests().enqueue(item(bob, "b-1"));

      assertThat(digests().membersWithOpen(Optional.empty(), 10)).containsExactly(alice.id(), bob.id());
      assertThat(digests().membersWithOpen(Optional.of(alice.id()), 10)).containsExactly(bob.id());
      PendingDigest digest = digests().seal(alice.id(), at(5)).orElseThrow();
      assertThat(digest.memberId()).isEqualTo(alice.id());
      assertThat(digests().seal(alice.id(), at(6))).as("nothing open any more").isEmpty();
      assertThat(digests().membersWithOpen(Optional.empty(), 10)).containsExactly(bob.id());
      QueuedNotification a3 = digests().enqueue(item(alice, "a-3"));

      assertThat(digests().items(digest.id())).extracting(QueuedNotification::id).containsExactly(a1.id(), a2.id());
      assertThat(digests().items(digest.id())).allMatch(q -> q.digestId().equals(Optional.of(digest.id())));
      assertThat(digests().listPending(Optional.empty(), 10)).containsExactly(digest);
      assertThat(digests().listUnsent(alice.id(), Optional.empty(), 10)).extracting(QueuedNotification::id)
          .containsExactly(a1.id(), a2.id(), a3.id());

      assertThat(digests().markSent(digest.id(), at(7))).isTrue();
      assertThat(digests().markSent(digest.id(), at(8))).as("sent once").isFalse();
      assertThat(digests().listPending(Optional.empty(), 10)).isEmpty();
      assertThat(digests().listUnsent(alice.id(), Optional.empty(), 10)).extracting(QueuedNotification::id)
          .containsExactly(a3.id());
      assertThat(digests().listUnsent(bob.id(), Optional.of(b1.id()), 10)).isEmpty();
    }

    @Test
    @DisplayName("of one member are all deleted at once, sent or not, with their digests, as erasure needs")
    void deleteByMember() {
      Member alice = newMember();
      Member bob = newMember();
      digests().enqueue(item(alice, "a-1"));
      PendingDigest sealed = digests().seal(alice.id(), at(2)).orElseThrow();
      digests().markSent(sealed.id(), at(3));
      digests().enqueue(item(alice, "a-2"));
      digests().seal(alice.id(), at(4)).orElseThrow();
      digests().enqueue(item(alice, "a-3"));
      QueuedNotification bobs = digests().enqueue(item(bob, "b-1"));
      PendingDigest bobsDigest = digests().seal(bob.id(), at(5)).orElseThrow();

      assertThat(digests().deleteByMember(alice.id())).isEqualTo(3);

      assertThat(digests().contains("a-1")).isFalse();
      assertThat(digests().contains("a-3")).isFalse();
      assertThat(digests().listUnsent(alice.id(), Optional.empty(), 10)).isEmpty();
      assertThat(digests().membersWithOpen(Optional.empty(), 10)).isEmpty();
      assertThat(digests().listPending(Optional.empty(), 10)).containsExactly(bobsDigest);
      assertThat(digests().items(bobsDigest.id())).extracting(QueuedNotification::id).containsExactly(bobs.id());
      assertThat(digests().deleteByMember(alice.id())).isZero();
    }

    @Test
    @DisplayName("seal a notification once when many seal the same member at once")
    void concurrentSealing() throws Exception {
      Member alice = newMember();
      for (int i = 0; i < 20; i++) {
        digests().enqueue(item(alice, "c-" + i));
      }
      List<PendingDigest> sealed = Collections.synchronizedList(new ArrayList<>());

      Queue<Throwable> failures = runConcurrently(thread -> withTransientRetry(
          () -> tx().inTransaction(() -> digests().seal(alice.id(), at(thread)))).ifPresent(sealed::add));

      assertThat(failures).isEmpty();
      assertThat(sealed).hasSize(1);
      assertThat(digests().items(sealed.get(0).id())).hasSize(20);
      assertThat(digests().listPending(Optional.empty(), 10)).containsExactlyElementsOf(sealed);
    }

    private NotificationItem item(Member member, String key) {
      return new NotificationItem(member.id(), key, NotificationKind.MENTION, "Bob mentioned you in \"Wi-Fi\"", 7, 9,
          at(1));
    }
  }
}
