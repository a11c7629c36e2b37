package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_OUTBOX;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmOutboxRecord;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code cm_outbox}. Commands only append; the relay columns keep their defaults until a relay claims a
 * row.
 */
final class JooqOutboxStore implements OutboxStore {
  private static final int MAX_LIMIT = 1000;

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
