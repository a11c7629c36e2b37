package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_BADGE_AWARD;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmBadgeAwardRecord;
import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.BadgeTier;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.BadgeStore;
import java.util.List;
import java.util.Optional;

/** Badge awards in {@code cm_badge_award}, whose unique key allows one per (member, badge, subject). */
final class JooqBadgeStore implements BadgeStore {
  private final JooqTransactor tx;

  JooqBadgeStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void insert(BadgeAward award) {
    requireNonNull(award, "award");
    tx.call("insert badge award cm_badge_award(member_id, badge, subject)", dsl -> dsl.insertInto(CM_BADGE_AWARD)
        .set(CM_BADGE_AWARD.MEMBER_ID, award.memberId().value())
        .set(CM_BADGE_AWARD.BADGE, award.badge())
        .set(CM_BADGE_AWARD.TIER, award.tier().name())
        .set(CM_BADGE_AWARD.SUBJECT, award.subject())
        .set(CM_BADGE_AWARD.AWARDED_AT, award.awardedAt())
        .execute());
  }

  @Override
  public Optional<BadgeAward> find(MemberId memberId, String badge, String subject) {
    requireNonNull(memberId, "memberId");
    requireNonNull(badge, "badge");
    requireNonNull(subject, "subject");
    return tx.call("find badge award", dsl -> dsl.selectFrom(CM_BADGE_AWARD)
        .where(CM_BADGE_AWARD.MEMBER_ID.eq(memberId.value()))
        .and(CM_BADGE_AWARD.BADGE.eq(badge))
        .and(CM_BADGE_AWARD.SUBJECT.eq(subject))
        .fetchOptional(JooqBadgeStore::toAward));
  }

  /** Oldest first; awards made in the same microsecond keep the order they were stored in. */
  @Override
  public List<BadgeAward> list(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("list badge awards", dsl -> dsl.selectFrom(CM_BADGE_AWARD)
        .where(CM_BADGE_AWARD.MEMBER_ID.eq(memberId.value()))
        .orderBy(CM_BADGE_AWARD.AWARDED_AT, CM_BADGE_AWARD.ID)
        .fetch(JooqBadgeStore::toAward));
  }

  private static BadgeAward toAward(CmBadgeAwardRecord r) {
    return new BadgeAward(
        new MemberId(r.getMemberId()),
        r.getBadge(),
        Columns.enumValue(BadgeTier.class, r.getTier(), "cm_badge_award.tier"),
        r.getSubject(),
        r.getAwardedAt());
  }
}
