package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_NOTIFICATION;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_NOTIFICATION_DIGEST;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmNotificationRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.model.PendingDigest;
import dev.communitysdk.spi.model.QueuedNotification;
import dev.communitysdk.spi.notification.NotificationKind;
import dev.communitysdk.spi.storage.DigestStore;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;

/**
 * Kept notifications in {@code cm_notification}, digests in {@code cm_notification_digest}. Sealing inserts a digest
 * and moves the member's open rows into it with one conditional update; a concurrent sealer waits on those rows, then
 * finds none open and takes its empty digest back.
 */
final class JooqDigestStore implements DigestStore {
  private final JooqTransactor tx;

  JooqDigestStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public boolean contains(String idempotencyKey) {
    requireNonNull(idempotencyKey, "idempotencyKey");
    return tx.call("find notification by key", dsl -> dsl.fetchExists(dsl.selectOne().from(CM_NOTIFICATION)
        .where(CM_NOTIFICATION.IDEMPOTENCY_KEY.eq(idempotencyKey))));
  }

  @Override
  public QueuedNotification enqueue(NotificationItem item) {
    requireNonNull(item, "item");
    Instant occurredAt = Times.truncate(item.occurredAt());
    NotificationItem stored = new NotificationItem(item.memberId(), item.idempotencyKey(), item.kind(),
        item.subject(), item.topicId(), item.postId(), occurredAt);
    long id = tx.call("insert cm_notification(idempotency_key)", dsl -> dsl.insertInto(CM_NOTIFICATION)
        .set(CM_NOTIFICATION.MEMBER_ID, item.memberId().value())
        .set(CM_NOTIFICATION.IDEMPOTENCY_KEY, item.idempotencyKey())
        .set(CM_NOTIFICATION.KIND, item.kind().name())
        .set(CM_NOTIFICATION.SUBJECT, item.subject())
        .set(CM_NOTIFICATION.TOPIC_ID, item.topicId())
        .set(CM_NOTIFICATION.POST_ID, item.postId())
        .set(CM_NOTIFICATION.OCCURRED_AT, occurredAt)
        .returningResult(CM_NOTIFICATION.ID)
        .fetchSingle()
        .value1());
    return new QueuedNotification(id, stored, Optional.empty());
  }

  @Override
  public List<MemberId> membersWithOpen(Optional<MemberId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    long from = after.map(MemberId::value).orElse(0L);
    return tx.call("list members with open notifications", dsl -> dsl.selectDistinct(CM_NOTIFICATION.MEMBER_ID)
        .from(CM_NOTIFICATION)
        .where(CM_NOTIFICATION.DIGEST_ID.isNull().and(CM_NOTIFICATION.MEMBER_ID.gt(from)))
        .orderBy(CM_NOTIFICATION.MEMBER_ID)
        .limit(limit)
        .fetch(r -> new MemberId(r.value1())));
  }

  @Override
  public Optional<PendingDigest> seal(MemberId memberId, Instant at) {
    requireNonNull(memberId, "memberId");
    Instant sealedAt = Times.truncate(requireNonNull(at, "at"));
    return tx.call("seal notification digest", dsl -> {
      long digestId = dsl.insertInto(CM_NOTIFICATION_DIGEST)
          .set(CM_NOTIFICATION_DIGEST.MEMBER_ID, memberId.value())
          .set(CM_NOTIFICATION_DIGEST.SEALED_AT, sealedAt)
          .returningResult(CM_NOTIFICATION_DIGEST.ID)
          .fetchSingle()
          .value1();
      int sealed = dsl.update(CM_NOTIFICATION)
          .set(CM_NOTIFICATION.DIGEST_ID, digestId)
          .where(CM_NOTIFICATION.MEMBER_ID.eq(memberId.value()).and(CM_NOTIFICATION.DIGEST_ID.isNull()))
          .execute();
      if (sealed == 0) {
        dsl.deleteFrom(CM_NOTIFICATION_DIGEST).where(CM_NOTIFICATION_DIGEST.ID.eq(digestId)).execute();
        return Optional.<PendingDigest>empty();
      }
      return Optional.of(new PendingDigest(digestId, memberId, sealedAt));
    });
  }

  @Override
  public List<PendingDigest> listPending(Optional<Long> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    PageLimit.check(limit, MAX_PAGE);
    Condition pending = CM_NOTIFICATION_DIGEST.SENT_AT.isNull();
    Condition where = afterId.map(after -> pending.and(CM_NOTIFICATION_DIGEST.ID.gt(after))).orElse(pending);
    return tx.call("list pending digests", dsl -> dsl.selectFrom(CM_NOTIFICATION_DIGEST)
        .where(where)
        .orderBy(CM_NOTIFICATION_DIGEST.ID)
        .limit(limit)
        .fetch(r -> new PendingDigest(r.getId(), new MemberId(r.getMemberId()), r.getSealedAt())));
  }

  @Override
  public List<QueuedNotification> items(long digestId) {
    return tx.call("list digest items", dsl -> dsl.selectFrom(CM_NOTIFICATION)
        .where(CM_NOTIFICATION.DIGEST_ID.eq(digestId))
        .orderBy(CM_NOTIFICATION.ID)
        .fetch(JooqDigestStore::toQueued));
  }

  @Override
  public boolean markSent(long digestId, Instant at) {
    Instant sentAt = Times.truncate(requireNonNull(at, "at"));
    return tx.call("mark digest sent", dsl -> {
      int marked = dsl.update(CM_NOTIFICATION_DIGEST)
          .set(CM_NOTIFICATION_DIGEST.SENT_AT, sentAt)
          .where(CM_NOTIFICATION_DIGEST.ID.eq(digestId).and(CM_NOTIFICATION_DIGEST.SENT_AT.isNull()))
          .execute();
      if (marked == 0) {
        return false;
      }
      dsl.update(CM_NOTIFICATION)
          .set(CM_NOTIFICATION.SENT_AT, sentAt)
          .where(CM_NOTIFICATION.DIGEST_ID.eq(digestId))
          .execute();
      return true;
    });
  }

  @Override
  public List<QueuedNotification> listUnsent(MemberId memberId, Optional<Long> afterId, int limit) {
    requireNonNull(memberId, "memberId");
    return select("list unsent notifications",
        CM_NOTIFICATION.MEMBER_ID.eq(memberId.value()).and(CM_NOTIFICATION.SENT_AT.isNull()), afterId, limit);
  }

  private List<QueuedNotification> select(String what, Condition of, Optional<Long> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    PageLimit.check(limit, MAX_PAGE);
    return tx.call(what, dsl -> IdOrderedPage.fetch(dsl, CM_NOTIFICATION, CM_NOTIFICATION.ID, of, afterId, limit,
        JooqDigestStore::toQueued));
  }

  private static QueuedNotification toQueued(CmNotificationRecord r) {
    return new QueuedNotification(
        r.getId(),
        new NotificationItem(new MemberId(r.getMemberId()), r.getIdempotencyKey(),
            Columns.enumValue(NotificationKind.class, r.getKind(), "cm_notification.kind"), r.getSubject(),
            r.getTopicId(), r.getPostId(), r.getOccurredAt()),
        Optional.ofNullable(r.getDigestId()));
  }

  @Override
  public int deleteByMember(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("delete a member's notifications", dsl -> {
      int deleted = dsl.deleteFrom(CM_NOTIFICATION).where(CM_NOTIFICATION.MEMBER_ID.eq(memberId.value())).execute();
      dsl.deleteFrom(CM_NOTIFICATION_DIGEST).where(CM_NOTIFICATION_DIGEST.MEMBER_ID.eq(memberId.value())).execute();
      return deleted;
    });
  }
}
