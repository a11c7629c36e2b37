package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One member's vote on one post. A store holds at most one per (voter, post).
 *
 * @param voterId the member who voted
 * @param postId the post voted on
 * @param direction up or down
 * @param castAt when the vote was cast or last changed
 */
public record Vote(MemberId voterId, PostId postId, VoteDirection direction, Instant castAt) {
  /** Checks the fields. */
  public Vote {
    requireNonNull(voterId, "voterId");
    requireNonNull(postId, "postId");
    requireNonNull(direction, "direction");
    Checks.instant(castAt, "castAt");
  }
}
