package dev.communitysdk.core.insight;

/**
 * When a rise in negative posts counts as a spike: the negative share of the last {@code recentDays} is compared with
 * that of the {@code baselineDays} before them by a two-proportion z-test; a spike needs at least {@code minPosts}
 * recent posts and a z of at least {@code minZ}.
 *
 * @param recentDays the length of the recent window, ending today (UTC)
 * @param baselineDays the length of the baseline before it
 * @param minPosts the fewest recent posts worth judging
 * @param minZ the z-score from which the rise is significant (2.33 is one-sided p &lt; 0.01)
 */
public record SpikeRules(int recentDays, int baselineDays, long minPosts, double minZ) {
  /** Checks the values. */
  public SpikeRules {
    if (recentDays < 1 || baselineDays < 1) {
      throw new IllegalArgumentException("windows must be at least one day");
    }
    if (minPosts < 1) {
      throw new IllegalArgumentException("minPosts must be at least 1, was " + minPosts);
    }
    if (!(minZ > 0)) {
      throw new IllegalArgumentException("minZ must be positive, was " + minZ);
    }
  }

  /** @return the last 7 days against the 28 before, from 10 posts, at z ≥ 2.33 */
  public static SpikeRules defaults() {
    return new SpikeRules(7, 28, 10, 2.33);
  }
}
