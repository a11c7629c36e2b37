package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A badge a member earned. A badge is awarded once per (member, badge, subject): the subject is empty for badges
 * earned once, or names what it was earned for, such as {@code "post:42"} or {@code "tag:wifi"}.
 *
 * @param memberId who earned it
 * @param badge the badge's id, such as {@code "nice-answer"}
 * @param tier bronze, silver or gold
 * @param subject what it was earned for, or empty
 * @param awardedAt when it was earned
 */
public record BadgeAward(MemberId memberId, String badge, BadgeTier tier, String subject, Instant awardedAt) {
  /** Checks the fields. */
  public BadgeAward {
    requireNonNull(memberId, "memberId");
    Checks.notBlank(badge, "badge");
    requireNonNull(tier, "tier");
    requireNonNull(subject, "subject");
    Checks.instant(awardedAt, "awardedAt");
  }
}
