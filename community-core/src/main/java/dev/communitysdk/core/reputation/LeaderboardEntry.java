package dev.communitysdk.core.reputation;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.core.member.AuthorRef;

/**
 * One line of a leaderboard.
 *
 * @param rank 1 for the top member; members with equal gains get consecutive ranks in member order
 * @param member the member as others see them
 * @param gained reputation gained in the board's scope and window
 */
public record LeaderboardEntry(int rank, AuthorRef member, long gained) {
  /** Checks the fields. */
  public LeaderboardEntry {
    requireNonNull(member, "member");
  }
}
