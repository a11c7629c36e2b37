package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_AUDIT;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmAuditRecord;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewAuditEntry;
import dev.communitysdk.spi.storage.AuditLog;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;

/** The audit log in {@code cm_audit}; the listings walk the (subject, id) and (actor, id) indexes backwards. */
final class JooqAuditLog implements AuditLog {
  private final JooqTransactor tx;

  JooqAuditLog(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public AuditEntry append(NewAuditEntry entry) {
    requireNonNull(entry, "entry");
    Instant at = Times.truncate(entry.at());
    long id = tx.call("append audit entry", dsl -> dsl.insertInto(CM_AUDIT)
        .set(CM_AUDIT.ACTOR_ID, entry.actorId().value())
        .set(CM_AUDIT.ACTION, entry.action())
        .set(CM_AUDIT.SUBJECT_ID, entry.subjectId().map(MemberId::value).orElse(null))
        .set(CM_AUDIT.TARGET_TYPE, entry.targetType().orElse(null))
        .set(CM_AUDIT.TARGET_ID, entry.targetId().orElse(null))
        .set(CM_AUDIT.DETAIL, entry.detail())
        .set(CM_AUDIT.CREATED_AT, at)
        .returningResult(CM_AUDIT.ID)
        .fetchSingle()
        .value1());
    return new AuditEntry(id, entry.actorId(), entry.action(), entry.subjectId(), entry.targetType(),
        entry.targetId(), entry.detail(), at);
  }

  @Override
  public List<AuditEntry> listBySubject(MemberId subjectId, Optional<Long> beforeId, int limit) {
    requireNonNull(subjectId, "subjectId");
    return newestFirst("list audit entries by subject", CM_AUDIT.SUBJECT_ID.eq(subjectId.value()), beforeId, limit);
  }

  @Override
  public List<AuditEntry> listByActor(MemberId actorId, Optional<Long> beforeId, int limit) {
    requireNonNull(actorId, "actorId");
    return newestFirst("list audit entries by actor", CM_AUDIT.ACTOR_ID.eq(actorId.value()), beforeId, limit);
  }

  @Override
  public boolean redact(long id, String detail) {
    requireNonNull(detail, "detail");
    return tx.call("redact audit entry", dsl -> dsl.update(CM_AUDIT)
        .set(CM_AUDIT.DETAIL, detail)
        .where(CM_AUDIT.ID.eq(id))
        .execute()) == 1;
  }

  private List<AuditEntry> newestFirst(String what, Condition of, Optional<Long> beforeId, int limit) {
    requireNonNull(beforeId, "beforeId");
    PageLimit.check(limit, MAX_LIMIT);
    Condition where = beforeId.map(before -> of.and(CM_AUDIT.ID.lt(before))).orElse(of);
    return tx.call(what, dsl -> dsl.selectFrom(CM_AUDIT)
        .where(where)
        .orderBy(CM_AUDIT.ID.desc())
        .limit(limit)
        .fetch(JooqAuditLog::toEntry));
  }

  private static AuditEntry toEntry(CmAuditRecord r) {
    return new AuditEntry(
        r.getId(),
        new MemberId(r.getActorId()),
        r.getAction(),
        Optional.ofNullable(r.getSubjectId()).map(MemberId::new),
        Optional.ofNullable(r.getTargetType()),
        Optional.ofNullable(r.getTargetId()),
        r.getDetail(),
        r.getCreatedAt());
  }
}
