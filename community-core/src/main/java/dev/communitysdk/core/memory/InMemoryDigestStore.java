package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.model.PendingDigest;
import dev.communitysdk.spi.model.QueuedNotification;
import dev.communitysdk.spi.storage.DigestStore;
import dev.communitysdk.spi.storage.PageLimit;

/** Kept notifications and their digests by id; every look-up scans. */
final class InMemoryDigestStore implements DigestStore {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong itemIds = new AtomicLong();
  private final AtomicLong digestIds = new AtomicLong();
  private final Table<Long, Item> items;
  private final Table<Long, Sealed> digests;

  /** A kept notification, with when it was sent, if it was. */
  private record Item(QueuedNotification queued, @Nullable Instant sentAt) {
    MemberId memberId() {
      return queued.item().memberId();
    }
  }

  /** A digest, with whether it was sent. */
  private record Sealed(PendingDigest digest, boolean sent) {}

  InMemoryDigestStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.items = new Table<>(transactor);
    this.digests = new Table<>(transactor);
  }

  @Override
  public boolean contains(String idempotencyKey) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    return transactor.inTransaction(() -> items.rows().stream()
        .anyMatch(row -> row.queued().item().idempotencyKey().equals(idempotencyKey)));
  }

  @Override
  public QueuedNotification enqueue(NotificationItem item) {
    requireNonNull(item, "item");
    return transactor.inTransaction(() -> {
      References.require(members.exists(item.memberId()), "notification", "member", item.memberId());
      if (contains(item.idempotencyKey())) {
        throw new DuplicateKeyException("cm_notification(idempotency_key)");
      }
      QueuedNotification stored = new QueuedNotification(itemIds.incrementAndGet(), item, Optional.empty());
      items.put(stored.id(), new Item(stored, null));
      return stored;
    });
  }

  @Override
  public List<MemberId> membersWithOpen(Optional<MemberId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    long afterId = after.map(MemberId::value).orElse(0L);
    return transactor.inTransaction(() -> items.rows().stream()
        .filter(row -> row.queued().digestId().isEmpty() && row.memberId().value() > afterId)
        .map(Item::memberId)
        .distinct()
        .sorted((a, b) -> Long.compare(a.value(), b.value()))
        .limit(limit)
        .toList());
  }

  @Override
  public Optional<PendingDigest> seal(MemberId memberId, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> {
      List<Item> open = items.rows().stream()
          .filter(row -> row.memberId().equals(memberId) && row.queued().digestId().isEmpty())
          .toList();
      if (open.isEmpty()) {
        return Optional.empty();
      }
      PendingDigest digest = new PendingDigest(digestIds.incrementAndGet(), memberId, at);
      digests.put(digest.id(), new Sealed(digest, false));
      for (Item row : open) {
        QueuedNotification queued = row.queued();
        items.put(queued.id(), new Item(
            new QueuedNotification(queued.id(), queued.item(), Optional.of(digest.id())), null));
      }
      return Optional.of(digest);
    });
  }

  @Override
  public List<PendingDigest> listPending(Optional<Long> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    PageLimit.check(limit, MAX_PAGE);
    return transactor.inTransaction(() -> digests.after(afterId.orElse(0L)).stream()
        .filter(row -> !row.sent())
        .map(Sealed::digest)
        .limit(limit)
        .toList());
  }

  @Override
  public List<QueuedNotification> items(long digestId) {
    Optional<Long> digest = Optional.of(digestId);
    return transactor.inTransaction(() -> items.rows().stream()
        .map(Item::queued)
        .filter(queued -> queued.digestId().equals(digest))
        .toList());
  }

  @Override
  public boolean markSent(long digestId, Instant at) {
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> {
      if (!digests.update(digestId, row -> !row.sent(), row -> new Sealed(row.digest(), true))) {
        return false;
      }
      Optional<Long> digest = Optional.of(digestId);
      items.rows().stream().filter(row -> row.queued().digestId().equals(digest)).toList()
          .forEach(row -> items.put(row.queued().id(), new Item(row.queued(), at)));
      return true;
    });
  }

  @Override
  public List<QueuedNotification> listUnsent(MemberId memberId, Optional<Long> afterId, int limit) {
    requireNonNull(memberId, "memberId");
    return select(row -> row.memberId().equals(memberId) && row.sentAt() == null, afterId, limit);
  }

  private List<QueuedNotification> select(Predicate<Item> filter, Optional<Long> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    PageLimit.check(limit, MAX_PAGE);
    return transactor.inTransaction(() -> items.after(afterId.orElse(0L)).stream()
        .filter(filter)
        .map(Item::queued)
        .limit(limit)
        .toList());
  }

  @Override
  public int deleteByMember(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> {
      List<Long> itemIds = items.rows().stream()
          .filter(row -> row.memberId().equals(memberId))
          .map(row -> row.queued().id())
          .toList();
      itemIds.forEach(items::remove);
      digests.rows().stream()
          .filter(row -> row.digest().memberId().equals(memberId))
          .map(row -> row.digest().id())
          .toList()
          .forEach(digests::remove);
      return itemIds.size();
    });
  }
}
