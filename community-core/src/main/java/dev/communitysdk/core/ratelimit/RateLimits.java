package dev.communitysdk.core.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much members may post and vote. New members (reputation below {@code newMemberReputation}) may start
 * {@code newMemberTopics} topics and write {@code newMemberReplies} replies in their first {@code newMemberPeriod}
 * after the community first saw them; everyone may start {@code topicsPerDay} topics and cast {@code votesPerDay}
 * votes (post votes, review helpfulness votes and idea votes together) per UTC day. Questions, ideas and reviews are
 * topics. A retracted vote still counts. Staff (employees, moderators, admins) are exempt. A limit of
 * {@link #UNLIMITED} is not counted at all.
 *
 * <p>Hitting a limit fails the command with a {@link dev.communitysdk.spi.error.RateLimitedException} whose
 * {@code limit()} is one of the names below and whose {@code retryAfter()} is when the window ends.
 *
 * @param newMemberReputation members below this reputation are new
 * @param newMemberPeriod how long after first being seen a new member's own limits apply
 * @param newMemberTopics topics a new member may start in that period
 * @param newMemberReplies replies a new member may write in that period
 * @param topicsPerDay topics anyone may start per day
 * @param votesPerDay votes anyone may cast per day
 */
public record RateLimits(
    long newMemberReputation, Duration newMemberPeriod, int newMemberTopics, int newMemberReplies, int topicsPerDay,
    int votesPerDay) {
  /** A limit that is never reached and not counted. */
  public static final int UNLIMITED = Integer.MAX_VALUE;
  /** The name of the new members' topic limit. */
  public static final String NEW_MEMBER_TOPICS = "new-member.topics";
  /** The name of the new members' reply limit. */
  public static final String NEW_MEMBER_REPLIES = "new-member.replies";
  /** The name of the daily topic limit. */
  public static final String TOPICS_PER_DAY = "topics.day";
  /** The name of the daily vote limit. */
  public static final String VOTES_PER_DAY = "votes.day";

  /** Checks the fields. */
  public RateLimits {
    requireNonNull(newMemberPeriod, "newMemberPeriod");
    if (newMemberPeriod.isNegative()) {
      throw new IllegalArgumentException("newMemberPeriod must not be negative, was " + newMemberPeriod);
    }
    requireNonNegative(newMemberTopics, "newMemberTopics");
    requireNonNegative(newMemberReplies, "newMemberReplies");
    requireNonNegative(topicsPerDay, "topicsPerDay");
    requireNonNegative(votesPerDay, "votesPerDay");
  }

  /**
   * @return the defaults: new members (reputation below 10) 3 topics and 10 replies in their first 24 hours; everyone
   *     20 topics and 50 votes a day
   */
  public static RateLimits defaults() {
    return new RateLimits(10, Duration.ofHours(24), 3, 10, 20, 50);
  }

  /** @return no limits at all, for tests and trusted closed communities */
  public static RateLimits unlimited() {
    return new RateLimits(0, Duration.ZERO, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED);
  }

  private static void requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
