package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SANCTION;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmSanctionRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSanction;
import dev.communitysdk.spi.model.Sanction;
import dev.communitysdk.spi.model.SanctionId;
import dev.communitysdk.spi.model.SanctionKind;
import dev.communitysdk.spi.storage.SanctionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;

/**
 * Sanctions in {@code cm_sanction}, never deleted. A member's sanctions in force are a range of
 * {@code cm_sanction_member_ix} (member, not lifted), filtered by start and end.
 */
final class JooqSanctionStore implements SanctionStore {
  private final JooqTransactor tx;

  JooqSanctionStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Sanction insert(NewSanction sanction) {
    requireNonNull(sanction, "sanction");
    Instant startsAt = Times.truncate(sanction.startsAt());
    Optional<Instant> endsAt = sanction.endsAt().map(Times::truncate);
    long id = tx.call("insert sanction", dsl -> dsl.insertInto(CM_SANCTION)
        .set(CM_SANCTION.MEMBER_ID, sanction.memberId().value())
        .set(CM_SANCTION.KIND, sanction.kind().name())
        .set(CM_SANCTION.REASON, sanction.reason())
        .set(CM_SANCTION.MODERATOR_ID, sanction.moderatorId().value())
        .set(CM_SANCTION.STARTS_AT, startsAt)
        .set(CM_SANCTION.ENDS_AT, endsAt.orElse(null))
        .returningResult(CM_SANCTION.ID)
        .fetchSingle()
        .value1());
    return new Sanction(new SanctionId(id), sanction.memberId(), sanction.kind(), sanction.reason(),
        sanction.moderatorId(), startsAt, endsAt, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public List<Sanction> active(MemberId memberId, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(at, "at");
    return tx.call("list sanctions in force", dsl -> dsl.selectFrom(CM_SANCTION)
        .where(inForce(memberId, at))
        .orderBy(CM_SANCTION.ID)
        .fetch(JooqSanctionStore::toSanction));
  }

  @Override
  public int lift(MemberId memberId, MemberId liftedBy, String reason, Instant at) {
    requireNonNull(liftedBy, "liftedBy");
    requireNonNull(reason, "reason");
    Instant when = Times.truncate(requireNonNull(at, "at"));
    return tx.call("lift sanctions", dsl -> dsl.update(CM_SANCTION)
        .set(CM_SANCTION.LIFTED_BY, liftedBy.value())
        .set(CM_SANCTION.LIFTED_AT, when)
        .set(CM_SANCTION.LIFT_REASON, reason)
        .where(inForce(requireNonNull(memberId, "memberId"), at))
        .execute());
  }

  @Override
  public List<Sanction> list(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("list sanctions", dsl -> dsl.selectFrom(CM_SANCTION)
        .where(CM_SANCTION.MEMBER_ID.eq(memberId.value()))
        .orderBy(CM_SANCTION.ID.desc())
        .fetch(JooqSanctionStore::toSanction));
  }

  /** Started by {@code at}, not ended then, and not lifted: {@link Sanction#activeAt}. */
  private static Condition inForce(MemberId memberId, Instant at) {
    return CM_SANCTION.MEMBER_ID.eq(memberId.value())
        .and(CM_SANCTION.LIFTED_AT.isNull())
        .and(CM_SANCTION.STARTS_AT.le(at))
        .and(CM_SANCTION.ENDS_AT.isNull().or(CM_SANCTION.ENDS_AT.gt(at)));
  }

  private static Sanction toSanction(CmSanctionRecord r) {
    return new Sanction(
        new SanctionId(r.getId()),
        new MemberId(r.getMemberId()),
        SanctionKind.valueOf(r.getKind()),
        r.getReason(),
        new MemberId(r.getModeratorId()),
        r.getStartsAt(),
        Optional.ofNullable(r.getEndsAt()),
        Optional.ofNullable(r.getLiftedBy()).map(MemberId::new),
        Optional.ofNullable(r.getLiftedAt()),
        Optional.ofNullable(r.getLiftReason()));
  }
}
