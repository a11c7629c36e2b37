package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_OUTBOX;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmOutboxRecord;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code cm_outbox}. Commands only append; the relay columns keep their defaults until a relay claims a
 * row. A row is undelivered while its status is {@code PENDING}.
 */
final class JooqOutboxStore implements OutboxStore {
  private static final int MAX_LIMIT = 1000;
  private static final String PENDING = "PENDING";

  private final JooqTransactor tx;

  JooqOutboxStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public CommunityEvent append(NewEvent event) {
    requireNonNull(event, "event");
    Instant occurredAt = Times.truncate(event.occurredAt());
    long id = tx.call("append event", dsl -> dsl.insertInto(CM_OUTBOX)
        .set(CM_OUTBOX.TYPE, event.type())
        .set(CM_OUTBOX.SCHEMA_VERSION, event.schemaVersion())
        .set(CM_OUTBOX.AGGREGATE_TYPE, event.aggregateType())
        .set(CM_OUTBOX.AGGREGATE_ID, event.aggregateId())
        .set(CM_OUTBOX.PAYLOAD, event.payload())
        .set(CM_OUTBOX.OCCURRED_AT, occurredAt)
        .set(CM_OUTBOX.MEMBER_ID, event.memberId().map(MemberId::value).orElse(null))
        .returningResult(CM_OUTBOX.ID)
        .fetchSingle()
        .value1());
    return new CommunityEvent(
        new EventId(id), event.type(), event.schemaVersion(), event.aggregateType(), event.aggregateId(),
        event.payload(), occurredAt);
  }

  @Override
  public List<CommunityEvent> listAfter(Optional<EventId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_LIMIT);
    long from = after.map(EventId::value).orElse(0L);
    return tx.call("list events", dsl -> dsl.selectFrom(CM_OUTBOX)
        .where(CM_OUTBOX.ID.gt(from))
        .orderBy(CM_OUTBOX.ID)
        .limit(limit)
        .fetch(JooqOutboxStore::toEvent));
  }

  @Override
  public List<CommunityEvent> listUndeliveredByMember(MemberId memberId, Optional<EventId> after, int limit) {
    requireNonNull(memberId, "memberId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_LIMIT);
    long from = after.map(EventId::value).orElse(0L);
    return tx.call("list undelivered events of member", dsl -> dsl.selectFrom(CM_OUTBOX)
        .where(CM_OUTBOX.MEMBER_ID.eq(memberId.value()))
        .and(CM_OUTBOX.ID.gt(from))
        .and(CM_OUTBOX.STATUS.eq(PENDING))
        .orderBy(CM_OUTBOX.ID)
        .limit(limit)
        .fetch(JooqOutboxStore::toEvent));
  }

  @Override
  public boolean replaceUndeliveredPayload(EventId id, String payload) {
    requireNonNull(id, "id");
    requireNonNull(payload, "payload");
    return tx.call("replace undelivered payload", dsl -> dsl.update(CM_OUTBOX)
        .set(CM_OUTBOX.PAYLOAD, payload)
        .where(CM_OUTBOX.ID.eq(id.value()))
        .and(CM_OUTBOX.STATUS.eq(PENDING))
        .execute()) == 1;
  }

  private static CommunityEvent toEvent(CmOutboxRecord r) {
    return new CommunityEvent(
        new EventId(r.getId()),
        r.getType(),
        r.getSchemaVersion(),
        r.getAggregateType(),
        r.getAggregateId(),
        r.getPayload(),
        r.getOccurredAt());
  }
}
