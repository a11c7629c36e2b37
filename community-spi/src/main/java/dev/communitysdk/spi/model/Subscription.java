package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A member following a topic, a space or a tag. A store holds at most one per (member, target).
 *
 * @param id the store's id; increases in insertion order, and pages listings
 * @param memberId the follower
 * @param target what is followed
 * @param level how closely
 * @param updatedAt when the member last followed it or changed the level
 */
public record Subscription(long id, MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant updatedAt) {
  /** Checks the fields. */
  public Subscription {
    requireNonNull(memberId, "memberId");
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    Checks.instant(updatedAt, "updatedAt");
  }
}
