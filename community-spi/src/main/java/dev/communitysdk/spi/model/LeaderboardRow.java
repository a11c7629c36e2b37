package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * A member's reputation gained within a leaderboard's scope and window.
 *
 * @param memberId the member
 * @param gained the sum of the member's entry deltas in scope and window
 */
public record LeaderboardRow(MemberId memberId, long gained) {
  /** Checks the fields. */
  public LeaderboardRow {
    requireNonNull(memberId, "memberId");
  }
}
