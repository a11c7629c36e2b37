package dev.communitysdk.core.ranking;

/**
 * The lower bound of the Wilson score interval for the share of up votes: how good a post is, with little trust in
 * few votes. Ranks answers and helpful reviews.
 */
public final class Wilson {
  /** The normal quantile for 95% confidence. */
  public static final double Z = 1.96;

  private Wilson() {}

  /**
   * @param up up votes, at least 0
   * @param down down votes, at least 0
   * @return the lower bound in [0, 1]; 0 without votes
   */
  public static double lowerBound(long up, long down) {
    if (up < 0 || down < 0) {
      throw new IllegalArgumentException("vote counts must not be negative: up " + up + ", down " + down);
    }
    long n = up + down;
    if (n == 0) {
      return 0;
    }
    double p = (double) up / n;
    double z2 = Z * Z;
    double centre = p + z2 / (2 * n);
    double margin = Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
    return Math.max(0, Math.min(1, (centre - margin) / (1 + z2 / n)));
  }
}
