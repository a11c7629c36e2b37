package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_OUTBOX;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmOutboxRecord;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.ClaimedEvent;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The outbox in {@code cm_outbox}. Commands append; relay nodes claim, mark and replay rows. {@code status} is
 * {@code PENDING} (new, claimed, or due again after a failed attempt), {@code DELIVERED} or {@code DEAD}; a claim sets
 * {@code claimed_by} and {@code lease_until}. A row is undelivered while its status is not {@code DELIVERED}.
 *
 * <p>Claiming selects candidates with {@code FOR UPDATE SKIP LOCKED}: PostgreSQL 9.5+, MariaDB 10.6+ and H2 2.2.220+
 * (which added Oracle-style {@code NOWAIT}, {@code WAIT n} and {@code SKIP LOCKED}; this project runs H2 2.5) all
 * support it, so concurrent claimers skip each other's rows instead of waiting. The candidates are then taken by one
 * conditional update that re-checks status and lease, so a row is never claimed twice even if a database handed the
 * same row to two claimers; if the update took fewer rows than it was given, the claim answers only those it holds. The candidates' {@code NOT EXISTS} check reads earlier rows of the aggregate without
 * locking them; an earlier row only stops blocking once it is delivered, so a stale read can only hold an event back.
 */
final class JooqOutboxStore implements OutboxStore {
  private static final int MAX_LIMIT = 1000;
  private static final int MAX_ERROR = 4000;
  private static final String PENDING = "PENDING";
  private static final String DELIVERED = "DELIVERED";
  private static final String DEAD = "DEAD";

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
    return inIdOrder("list events", DSL.noCondition(), after, limit);
  }

  @Override
  public List<CommunityEvent> listUndeliveredByMember(MemberId memberId, Optional<EventId> after, int limit) {
    requireNonNull(memberId, "memberId");
    return inIdOrder("list undelivered events of member",
        CM_OUTBOX.MEMBER_ID.eq(memberId.value()).and(CM_OUTBOX.STATUS.ne(DELIVERED)), after, limit);
  }

  /** A page of the events meeting the condition, id ascending, after an event. */
  private List<CommunityEvent> inIdOrder(String operation, Condition condition, Optional<EventId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_LIMIT);
    return tx.call(operation, dsl -> IdOrderedPage.fetch(dsl, CM_OUTBOX, CM_OUTBOX.ID, condition,
        after.map(EventId::value), limit, JooqOutboxStore::toEvent));
  }

  @Override
  public boolean replaceUndeliveredPayload(EventId id, String payload) {
    requireNonNull(id, "id");
    requireNonNull(payload, "payload");
    return tx.call("replace undelivered payload", dsl -> dsl.update(CM_OUTBOX)
        .set(CM_OUTBOX.PAYLOAD, payload)
        .where(CM_OUTBOX.ID.eq(id.value()))
        .and(CM_OUTBOX.STATUS.ne(DELIVERED))
        .execute()) == 1;
  }

  @Override
  public List<ClaimedEvent> claim(String nodeId, Instant now, Duration lease, int limit) {
    requireNonNull(nodeId, "nodeId");
    requireNonNull(now, "now");
    requireNonNull(lease, "lease");
    PageLimit.check(limit, MAX_LIMIT);
    Instant at = Times.truncate(now);
    Instant leaseUntil = Times.truncate(now.plus(lease));
    return tx.call("claim events", dsl -> {
      List<CmOutboxRecord> rows = candidates(dsl, at, limit);
      if (rows.isEmpty()) {
        return List.of();
      }
      int taken = dsl.update(CM_OUTBOX)
          .set(CM_OUTBOX.CLAIMED_BY, nodeId)
          .set(CM_OUTBOX.LEASE_UNTIL, leaseUntil)
          .where(CM_OUTBOX.ID.in(rows.stream().map(CmOutboxRecord::getId).toList()))
          .and(deliverable(at))
          .execute();
      List<CmOutboxRecord> held = taken == rows.size() ? rows : heldAmong(dsl, rows, nodeId, leaseUntil);
      return held.stream().map(row -> new ClaimedEvent(toEvent(row), row.getAttempts())).toList();
    });
  }

  /** The rows of a claim that this node's update really took, when another claimer got some of them first. */
  private static List<CmOutboxRecord> heldAmong(
      DSLContext dsl, List<CmOutboxRecord> rows, String nodeId, Instant leaseUntil) {
    Set<Long> held = Set.copyOf(dsl.select(CM_OUTBOX.ID)
        .from(CM_OUTBOX)
        .where(CM_OUTBOX.ID.in(rows.stream().map(CmOutboxRecord::getId).toList()))
        .and(CM_OUTBOX.CLAIMED_BY.eq(nodeId))
        .and(CM_OUTBOX.LEASE_UNTIL.eq(leaseUntil))
        .fetch(CM_OUTBOX.ID));
    return rows.stream().filter(row -> held.contains(row.getId())).toList();
  }

  /** The deliverable rows that are the earliest undelivered row of their aggregate, locked unless another holds them. */
  private static List<CmOutboxRecord> candidates(DSLContext dsl, Instant at, int limit) {
    var earlier = CM_OUTBOX.as("earlier");
    return dsl.selectFrom(CM_OUTBOX)
        .where(deliverable(at))
        .andNotExists(DSL.selectOne()
            .from(earlier)
            .where(earlier.AGGREGATE_TYPE.eq(CM_OUTBOX.AGGREGATE_TYPE))
            .and(earlier.AGGREGATE_ID.eq(CM_OUTBOX.AGGREGATE_ID))
            .and(earlier.ID.lt(CM_OUTBOX.ID))
            .and(earlier.STATUS.ne(DELIVERED)))
        .orderBy(CM_OUTBOX.ID)
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .fetch();
  }

  private static Condition deliverable(Instant at) {
    return CM_OUTBOX.STATUS.eq(PENDING)
        .and(CM_OUTBOX.NEXT_ATTEMPT_AT.isNull().or(CM_OUTBOX.NEXT_ATTEMPT_AT.le(at)))
        .and(CM_OUTBOX.LEASE_UNTIL.isNull().or(CM_OUTBOX.LEASE_UNTIL.le(at)));
  }

  @Override
  public boolean markDelivered(EventId id, String nodeId, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(at, "at");
    return tx.call("mark event delivered", dsl -> dsl.update(CM_OUTBOX)
        .set(CM_OUTBOX.STATUS, DELIVERED)
        .set(CM_OUTBOX.DELIVERED_AT, Times.truncate(at))
        .setNull(CM_OUTBOX.CLAIMED_BY)
        .setNull(CM_OUTBOX.LEASE_UNTIL)
        .where(heldBy(id, nodeId))
        .execute()) == 1;
  }

  @Override
  public boolean markFailed(EventId id, String nodeId, String error, Instant nextAttemptAt, boolean dead) {
    requireNonNull(id, "id");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(error, "error");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    return tx.call("mark event failed", dsl -> dsl.update(CM_OUTBOX)
        .set(CM_OUTBOX.STATUS, dead ? DEAD : PENDING)
        .set(CM_OUTBOX.ATTEMPTS, CM_OUTBOX.ATTEMPTS.plus(1))
        .set(CM_OUTBOX.NEXT_ATTEMPT_AT, Times.truncate(nextAttemptAt))
        .set(CM_OUTBOX.LAST_ERROR, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error)
        .setNull(CM_OUTBOX.CLAIMED_BY)
        .setNull(CM_OUTBOX.LEASE_UNTIL)
        .where(heldBy(id, nodeId))
        .execute()) == 1;
  }

  private static Condition heldBy(EventId id, String nodeId) {
    return CM_OUTBOX.ID.eq(id.value()).and(CM_OUTBOX.STATUS.eq(PENDING)).and(CM_OUTBOX.CLAIMED_BY.eq(nodeId));
  }

  @Override
  public List<CommunityEvent> listDead(Optional<EventId> after, int limit) {
    return inIdOrder("list dead events", CM_OUTBOX.STATUS.eq(DEAD), after, limit);
  }

  @Override
  public boolean replay(EventId id, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(at, "at");
    return tx.call("replay dead event", dsl -> dsl.update(CM_OUTBOX)
        .set(CM_OUTBOX.STATUS, PENDING)
        .set(CM_OUTBOX.ATTEMPTS, 0)
        .set(CM_OUTBOX.NEXT_ATTEMPT_AT, Times.truncate(at))
        .where(CM_OUTBOX.ID.eq(id.value()))
        .and(CM_OUTBOX.STATUS.eq(DEAD))
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
