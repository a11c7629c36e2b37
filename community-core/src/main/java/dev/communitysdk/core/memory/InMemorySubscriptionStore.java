package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.SubscriptionStore;

/** Subscriptions by id, found by scanning; delivery preferences by member. */
final class InMemorySubscriptionStore implements SubscriptionStore {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Subscription> subscriptions;
  private final Table<Long, NotificationDelivery> deliveries;

  InMemorySubscriptionStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.subscriptions = new Table<>(transactor);
    this.deliveries = new Table<>(transactor);
  }

  @Override
  public Optional<Subscription> find(MemberId memberId, SubscriptionTarget target) {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    return transactor.inTransaction(() -> locate(memberId, target));
  }

  @Override
  public Subscription insert(MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant at) {
    requireNonNull(level, "level");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> {
      References.require(members.exists(memberId), "subscription", "member", memberId);
      if (locate(memberId, target).isPresent()) {
        throw new DuplicateKeyException("cm_subscription(member_id, target_kind, target_key)");
      }
      Subscription stored = new Subscription(ids.incrementAndGet(), memberId, target, level, at);
      subscriptions.put(stored.id(), stored);
      return stored;
    });
  }

  @Override
  public boolean updateLevel(MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant at) {
    requireNonNull(level, "level");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> locate(memberId, target)
        .map(found -> subscriptions.update(found.id(), row -> true,
            row -> new Subscription(row.id(), row.memberId(), row.target(), level, at)))
        .orElse(false));
  }

  @Override
  public boolean delete(MemberId memberId, SubscriptionTarget target) {
    return transactor.inTransaction(
        () -> locate(memberId, target).map(found -> subscriptions.remove(found.id())).orElse(false));
  }

  @Override
  public List<Subscription> listByMember(MemberId memberId, Optional<Long> afterId, int limit) {
    requireNonNull(memberId, "memberId");
    return page(row -> row.memberId().equals(memberId), afterId, limit);
  }

  @Override
  public List<Subscription> listByTargets(Collection<SubscriptionTarget> targets, Optional<Long> afterId, int limit) {
    Set<SubscriptionTarget> wanted = Set.copyOf(requireNonNull(targets, "targets"));
    PageLimit.check(Math.max(1, wanted.size()), MAX_PAGE);
    return page(row -> wanted.contains(row.target()), afterId, limit);
  }

  @Override
  public Optional<NotificationDelivery> findDelivery(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> deliveries.get(memberId.value()));
  }

  @Override
  public void setDelivery(MemberId memberId, NotificationDelivery delivery, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(delivery, "delivery");
    requireNonNull(at, "at");
    transactor.inTransaction(() -> {
      References.require(members.exists(memberId), "notification preference", "member", memberId);
      deliveries.put(memberId.value(), delivery);
      return null;
    });
  }

  private Optional<Subscription> locate(MemberId memberId, SubscriptionTarget target) {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    return subscriptions.rows().stream()
        .filter(row -> row.memberId().equals(memberId) && row.target().equals(target))
        .findFirst();
  }

  private List<Subscription> page(Predicate<Subscription> filter, Optional<Long> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    PageLimit.check(limit, MAX_PAGE);
    return transactor.inTransaction(
        () -> subscriptions.after(afterId.orElse(0L)).stream().filter(filter).limit(limit).toList());
  }

  @Override
  public int deleteByMember(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> {
      deliveries.remove(memberId.value());
      List<Long> ids = subscriptions.rows().stream()
          .filter(row -> row.memberId().equals(memberId))
          .map(Subscription::id)
          .toList();
      ids.forEach(subscriptions::remove);
      return ids.size();
    });
  }
}
