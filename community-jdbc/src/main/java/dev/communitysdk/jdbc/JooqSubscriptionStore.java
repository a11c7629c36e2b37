package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_NOTIFICATION_PREFERENCE;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SUBSCRIPTION;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmSubscriptionRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.SubscriptionStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Subscriptions in {@code cm_subscription}, found by (member, kind, key) through its unique key and by target through
 * {@code cm_subscription_target_ix}; delivery preferences in {@code cm_notification_preference}.
 */
final class JooqSubscriptionStore implements SubscriptionStore {
  private final JooqTransactor tx;

  JooqSubscriptionStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Subscription> find(MemberId memberId, SubscriptionTarget target) {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    return tx.call("find subscription", dsl -> dsl.selectFrom(CM_SUBSCRIPTION)
        .where(CM_SUBSCRIPTION.MEMBER_ID.eq(memberId.value()).and(is(target)))
        .fetchOptional(JooqSubscriptionStore::toSubscription));
  }

  @Override
  public Subscription insert(MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    Instant stored = Times.truncate(requireNonNull(at, "at"));
    long id = tx.call("insert cm_subscription(member_id, target_kind, target_key)", dsl -> dsl
        .insertInto(CM_SUBSCRIPTION)
        .set(CM_SUBSCRIPTION.MEMBER_ID, memberId.value())
        .set(CM_SUBSCRIPTION.TARGET_KIND, target.kind().name())
        .set(CM_SUBSCRIPTION.TARGET_KEY, target.key())
        .set(CM_SUBSCRIPTION.WATCH_LEVEL, level.name())
        .set(CM_SUBSCRIPTION.UPDATED_AT, stored)
        .returningResult(CM_SUBSCRIPTION.ID)
        .fetchSingle()
        .value1());
    return new Subscription(id, memberId, target, level, stored);
  }

  @Override
  public boolean updateLevel(MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    requireNonNull(at, "at");
    return tx.call("update subscription level", dsl -> dsl.update(CM_SUBSCRIPTION)
        .set(CM_SUBSCRIPTION.WATCH_LEVEL, level.name())
        .set(CM_SUBSCRIPTION.UPDATED_AT, Times.truncate(at))
        .where(CM_SUBSCRIPTION.MEMBER_ID.eq(memberId.value()).and(is(target)))
        .execute()) == 1;
  }

  @Override
  public boolean delete(MemberId memberId, SubscriptionTarget target) {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    return tx.call("delete subscription", dsl -> dsl.deleteFrom(CM_SUBSCRIPTION)
        .where(CM_SUBSCRIPTION.MEMBER_ID.eq(memberId.value()).and(is(target)))
        .execute()) == 1;
  }

  @Override
  public List<Subscription> listByMember(MemberId memberId, Optional<Long> afterId, int limit) {
    requireNonNull(memberId, "memberId");
    return page("list subscriptions of member", CM_SUBSCRIPTION.MEMBER_ID.eq(memberId.value()), afterId, limit);
  }

  @Override
  public List<Subscription> listByTargets(Collection<SubscriptionTarget> targets, Optional<Long> afterId, int limit) {
    Set<SubscriptionTarget> wanted = Set.copyOf(requireNonNull(targets, "targets"));
    PageLimit.check(Math.max(1, wanted.size()), MAX_PAGE);
    if (wanted.isEmpty()) {
      PageLimit.check(limit, MAX_PAGE);
      return List.of();
    }
    Condition any = DSL.or(wanted.stream().map(JooqSubscriptionStore::is).toList());
    return page("list subscriptions of targets", any, afterId, limit);
  }

  @Override
  public Optional<NotificationDelivery> findDelivery(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("find notification preference", dsl -> dsl.select(CM_NOTIFICATION_PREFERENCE.DELIVERY)
        .from(CM_NOTIFICATION_PREFERENCE)
        .where(CM_NOTIFICATION_PREFERENCE.MEMBER_ID.eq(memberId.value()))
        .fetchOptional(r -> Columns.enumValue(NotificationDelivery.class, r.value1(),
            "cm_notification_preference.delivery")));
  }

  @Override
  public void setDelivery(MemberId memberId, NotificationDelivery delivery, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(delivery, "delivery");
    Instant stored = Times.truncate(requireNonNull(at, "at"));
    tx.call("insert cm_notification_preference(member_id)", dsl -> {
      int updated = dsl.update(CM_NOTIFICATION_PREFERENCE)
          .set(CM_NOTIFICATION_PREFERENCE.DELIVERY, delivery.name())
          .set(CM_NOTIFICATION_PREFERENCE.UPDATED_AT, stored)
          .where(CM_NOTIFICATION_PREFERENCE.MEMBER_ID.eq(memberId.value()))
          .execute();
      if (updated == 0) {
        // A concurrent first choice makes this insert a duplicate key, and core runs the command again.
        dsl.insertInto(CM_NOTIFICATION_PREFERENCE)
            .set(CM_NOTIFICATION_PREFERENCE.MEMBER_ID, memberId.value())
            .set(CM_NOTIFICATION_PREFERENCE.DELIVERY, delivery.name())
            .set(CM_NOTIFICATION_PREFERENCE.UPDATED_AT, stored)
            .execute();
      }
      return null;
    });
  }

  private List<Subscription> page(String what, Condition of, Optional<Long> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    PageLimit.check(limit, MAX_PAGE);
    return tx.call(what, dsl -> IdOrderedPage.fetch(dsl, CM_SUBSCRIPTION, CM_SUBSCRIPTION.ID, of, afterId, limit,
        JooqSubscriptionStore::toSubscription));
  }

  private static Condition is(SubscriptionTarget target) {
    return CM_SUBSCRIPTION.TARGET_KIND.eq(target.kind().name()).and(CM_SUBSCRIPTION.TARGET_KEY.eq(target.key()));
  }

  private static Subscription toSubscription(CmSubscriptionRecord r) {
    return new Subscription(
        r.getId(),
        new MemberId(r.getMemberId()),
        new SubscriptionTarget(
            Columns.enumValue(SubscriptionTarget.Kind.class, r.getTargetKind(), "cm_subscription.target_kind"),
            r.getTargetKey()),
        Columns.enumValue(WatchLevel.class, r.getWatchLevel(), "cm_subscription.watch_level"),
        r.getUpdatedAt());
  }

  @Override
  public int deleteByMember(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("delete a member's subscriptions", dsl -> {
      dsl.deleteFrom(CM_NOTIFICATION_PREFERENCE)
          .where(CM_NOTIFICATION_PREFERENCE.MEMBER_ID.eq(memberId.value()))
          .execute();
      return dsl.deleteFrom(CM_SUBSCRIPTION).where(CM_SUBSCRIPTION.MEMBER_ID.eq(memberId.value())).execute();
    });
  }
}
