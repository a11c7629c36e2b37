package dev.communitysdk.spi.model;

/**
 * The votes stored for one post, counted from the vote rows themselves (not from the post's counters).
 *
 * @param up the number of up votes
 * @param down the number of down votes
 */
public record VoteTally(long up, long down) {
  /** Checks the counts. */
  public VoteTally {
    Checks.nonNegative(up, "up");
    Checks.nonNegative(down, "down");
  }

  /** @return up votes minus down votes */
  public long score() {
    return up - down;
  }
}
