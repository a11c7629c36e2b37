package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.spi.error.RateLimitedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.storage.RateLimitStore;

/**
 * Counts a member's topics, replies and votes against {@link RateLimits}, inside the command's transaction. It counts
 * first and checks after: the atomic increment serializes concurrent commands of one member on the counter's row, each
 * sees its own count, and a command over the limit throws, so its increment rolls back with everything else it wrote.
 * Staff are never counted. Not API.
 */
public final class RateLimiter {
  private final RateLimitStore counters;
  private final RateLimits limits;

  /**
   * @param counters the store's rate-limit counters
   * @param limits the community's limits
   */
  public RateLimiter(RateLimitStore counters, RateLimits limits) {
    this.counters = requireNonNull(counters, "counters");
    this.limits = requireNonNull(limits, "limits");
  }

  /**
   * Counts a topic: a discussion, question, idea or review.
   *
   * @param member the author
   * @param now the command's time
   * @throws RateLimitedException if this topic is one too many
   */
  public void topic(Member member, Instant now) {
    if (AccessPolicy.isStaff(member)) {
      return;
    }
    newMember(member, RateLimits.NEW_MEMBER_TOPICS, limits.newMemberTopics(), now);
    daily(member, RateLimits.TOPICS_PER_DAY, limits.topicsPerDay(), now);
  }

  /**
   * Counts a reply.
   *
   * @param member the author
   * @param now the command's time
   * @throws RateLimitedException if this reply is one too many
   */
  public void reply(Member member, Instant now) {
    if (AccessPolicy.isStaff(member)) {
      return;
    }
    newMember(member, RateLimits.NEW_MEMBER_REPLIES, limits.newMemberReplies(), now);
  }

  /**
   * Counts a vote on a post, a review or an idea, new or changed.
   *
   * @param member the voter
   * @param now the command's time
   * @throws RateLimitedException if this vote is one too many
   */
  public void vote(Member member, Instant now) {
    if (AccessPolicy.isStaff(member)) {
      return;
    }
    daily(member, RateLimits.VOTES_PER_DAY, limits.votesPerDay(), now);
  }

  private void newMember(Member member, String limit, int allowed, Instant now) {
    if (allowed == RateLimits.UNLIMITED || member.reputation() >= limits.newMemberReputation()) {
      return;
    }
    Instant ends = member.createdAt().plus(limits.newMemberPeriod());
    if (now.isBefore(ends)) {
      count(member, limit, allowed, member.createdAt(), ends);
    }
  }

  private void daily(Member member, String limit, int allowed, Instant now) {
    if (allowed == RateLimits.UNLIMITED) {
      return;
    }
    Instant day = now.truncatedTo(ChronoUnit.DAYS);
    count(member, limit, allowed, day, day.plus(1, ChronoUnit.DAYS));
  }

  private void count(Member member, String limit, int allowed, Instant windowStart, Instant windowEnd) {
    if (counters.increment(member.id(), limit, windowStart) > allowed) {
      throw new RateLimitedException(limit, windowEnd);
    }
  }
}
