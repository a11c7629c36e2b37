package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_ESCALATION;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SPACE;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_TOPIC;
import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.when;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmEscalationRecord;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationReason;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.NewEscalation;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.EscalationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record4;

/**
 * Escalations in {@code cm_escalation}, keyed by topic so that a question is escalated once; service levels in
 * {@code cm_space.escalation_sla_seconds}. Overdue questions are a range of {@code cm_topic_state_latest_ix} (space,
 * unanswered, creation time); the deflection counts a range of {@code cm_topic_latest_ix} joined to the escalations by
 * key.
 */
final class JooqEscalationStore implements EscalationStore {
  private static final List<String> COUNTED = List.of(
      TopicStatus.OPEN.name(), TopicStatus.CLOSED.name(), TopicStatus.LOCKED.name());

  private final JooqTransactor tx;

  JooqEscalationStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void setSla(SpaceId spaceId, Optional<Duration> sla) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(sla, "sla");
    int updated = tx.call("set escalation sla", dsl -> dsl.update(CM_SPACE)
        .set(CM_SPACE.ESCALATION_SLA_SECONDS, sla.map(Duration::toSeconds).orElse(null))
        .where(CM_SPACE.ID.eq(spaceId.value()))
        .execute());
    if (updated == 0) {
      throw new StorageException("escalation sla refers to space " + spaceId + ", which does not exist", null);
    }
  }

  @Override
  public Optional<Duration> sla(SpaceId spaceId) {
    requireNonNull(spaceId, "spaceId");
    return tx.call("find escalation sla", dsl -> dsl.select(CM_SPACE.ESCALATION_SLA_SECONDS)
        .from(CM_SPACE)
        .where(CM_SPACE.ID.eq(spaceId.value()))
        .fetchOptional(CM_SPACE.ESCALATION_SLA_SECONDS)
        .map(Duration::ofSeconds));
  }

  @Override
  public Map<SpaceId, Duration> slas() {
    return tx.call("list escalation slas", dsl -> {
      Map<SpaceId, Duration> slas = new LinkedHashMap<>();
      dsl.select(CM_SPACE.ID, CM_SPACE.ESCALATION_SLA_SECONDS)
          .from(CM_SPACE)
          .where(CM_SPACE.ESCALATION_SLA_SECONDS.isNotNull())
          .orderBy(CM_SPACE.ID)
          .forEach(row -> slas.put(new SpaceId(row.value1()), Duration.ofSeconds(row.value2())));
      return slas;
    });
  }

  @Override
  public Escalation insert(NewEscalation escalation) {
    requireNonNull(escalation, "escalation");
    Instant at = Times.truncate(escalation.escalatedAt());
    tx.call("insert escalation cm_escalation(topic_id)", dsl -> dsl.insertInto(CM_ESCALATION)
        .set(CM_ESCALATION.TOPIC_ID, escalation.topicId().value())
        .set(CM_ESCALATION.SPACE_ID, escalation.spaceId().value())
        .set(CM_ESCALATION.REASON, escalation.reason().name())
        .set(CM_ESCALATION.STATE, EscalationState.OPEN.name())
        .set(CM_ESCALATION.ESCALATED_AT, at)
        .execute());
    return new Escalation(escalation.topicId(), escalation.spaceId(), escalation.reason(), EscalationState.OPEN, at,
        Optional.empty(), Optional.empty());
  }

  @Override
  public Optional<Escalation> find(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("find escalation", dsl -> dsl.selectFrom(CM_ESCALATION)
        .where(CM_ESCALATION.TOPIC_ID.eq(topicId.value()))
        .fetchOptional(JooqEscalationStore::toEscalation));
  }

  @Override
  public boolean linkCase(TopicId topicId, String caseId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(caseId, "caseId");
    return tx.call("link escalation case", dsl -> dsl.update(CM_ESCALATION)
        .set(CM_ESCALATION.CASE_ID, caseId)
        .where(CM_ESCALATION.TOPIC_ID.eq(topicId.value()).and(CM_ESCALATION.CASE_ID.isNull()))
        .execute()) == 1;
  }

  @Override
  public boolean close(TopicId topicId, EscalationState state, Instant at) {
    requireNonNull(topicId, "topicId");
    requireNonNull(state, "state");
    if (state == EscalationState.OPEN) {
      throw new IllegalArgumentException("an escalation closes in RESOLVED or SOLVED_IN_COMMUNITY, not OPEN");
    }
    Instant when = Times.truncate(requireNonNull(at, "at"));
    return tx.call("close escalation", dsl -> dsl.update(CM_ESCALATION)
        .set(CM_ESCALATION.STATE, state.name())
        .set(CM_ESCALATION.CLOSED_AT, when)
        .where(CM_ESCALATION.TOPIC_ID.eq(topicId.value()).and(CM_ESCALATION.STATE.eq(EscalationState.OPEN.name())))
        .execute()) == 1;
  }

  @Override
  public List<TopicId> overdue(SpaceId spaceId, Instant askedBy, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(askedBy, "askedBy");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", was " + limit);
    }
    return tx.call("list overdue questions", dsl -> dsl.select(CM_TOPIC.ID)
        .from(CM_TOPIC)
        .where(CM_TOPIC.SPACE_ID.eq(spaceId.value()))
        .and(CM_TOPIC.QUESTION_STATE.eq(JooqTopicStore.UNANSWERED))
        .and(CM_TOPIC.CREATED_AT.le(askedBy))
        .and(CM_TOPIC.KIND.eq(SpaceKind.QUESTIONS.name()))
        .and(CM_TOPIC.STATUS.eq(TopicStatus.OPEN.name()))
        .and(CM_TOPIC.ANONYMOUS.isFalse())
        .andNotExists(dsl.selectOne().from(CM_ESCALATION).where(CM_ESCALATION.TOPIC_ID.eq(CM_TOPIC.ID)))
        .orderBy(CM_TOPIC.CREATED_AT, CM_TOPIC.ID)
        .limit(limit)
        .fetch(row -> new TopicId(row.value1())));
  }

  @Override
  public DeflectionCounts deflection(SpaceId spaceId, Instant from, Instant to) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    Field<Integer> deflected = count(when(CM_TOPIC.ACCEPTED_ANSWER_ID.isNotNull()
        .and(CM_ESCALATION.TOPIC_ID.isNull()), 1));
    Field<Integer> escalated = count(CM_ESCALATION.TOPIC_ID);
    Field<Integer> resolved = count(when(CM_ESCALATION.STATE.ne(EscalationState.OPEN.name()), 1));
    Record4<Integer, Integer, Integer, Integer> row = tx.call("count deflection", dsl -> dsl
        .select(count(), deflected, escalated, resolved)
        .from(CM_TOPIC)
        .leftJoin(CM_ESCALATION).on(CM_ESCALATION.TOPIC_ID.eq(CM_TOPIC.ID))
        .where(CM_TOPIC.SPACE_ID.eq(spaceId.value()))
        .and(CM_TOPIC.CREATED_AT.ge(from))
        .and(CM_TOPIC.CREATED_AT.lt(to))
        .and(CM_TOPIC.KIND.eq(SpaceKind.QUESTIONS.name()))
        .and(CM_TOPIC.STATUS.in(COUNTED))
        .fetchSingle());
    return new DeflectionCounts(row.value1(), row.value2(), row.value3(), row.value4());
  }

  private static Escalation toEscalation(CmEscalationRecord r) {
    return new Escalation(
        new TopicId(r.getTopicId()),
        new SpaceId(r.getSpaceId()),
        EscalationReason.valueOf(r.getReason()),
        EscalationState.valueOf(r.getState()),
        r.getEscalatedAt(),
        Optional.ofNullable(r.getCaseId()),
        Optional.ofNullable(r.getClosedAt()));
  }
}
