package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Star counters of a product, or of a whole space.
 *
 * @param count the number of reviews
 * @param starSum the sum of their stars
 * @param distribution five counts: reviews with 1, 2, 3, 4 and 5 stars, in that order
 */
public record RatingCounts(long count, long starSum, List<Long> distribution) {
  /** No reviews. */
  public static final RatingCounts NONE = new RatingCounts(0, 0, List.of(0L, 0L, 0L, 0L, 0L));

  /** Checks the fields and that the distribution adds up to the count and the sum. */
  public RatingCounts {
    Checks.nonNegative(count, "count");
    Checks.nonNegative(starSum, "starSum");
    distribution = List.copyOf(requireNonNull(distribution, "distribution"));
    if (distribution.size() != 5) {
      throw new IllegalArgumentException("distribution must hold 5 counts, held " + distribution.size());
    }
    long counted = 0;
    long summed = 0;
    for (int i = 0; i < 5; i++) {
      counted += Checks.nonNegative(distribution.get(i), "distribution[" + i + "]");
      summed += (i + 1) * distribution.get(i);
    }
    if (counted != count || summed != starSum) {
      throw new IllegalArgumentException("distribution " + distribution + " does not add up to count " + count
          + " and starSum " + starSum);
    }
  }
}
