package dev.communitysdk.core.review;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.communitysdk.spi.model.RatingCounts;

/**
 * A product's rating in a reviews space. The Bayesian average {@code (C·m + Σ stars) / (m + n)} pulls a product with
 * few reviews towards the space's mean {@code C} as if it had {@code m = 5} more reviews at that mean, so that one
 * five-star review does not outrank a hundred four-star ones.
 *
 * @param productId the product
 * @param count the number of published reviews, {@code n}
 * @param mean the plain mean of their stars; 0 without reviews
 * @param distribution how many reviews gave 1, 2, 3, 4 and 5 stars, in that order
 * @param bayesianAverage the Bayesian average; the space mean without reviews, and 0 in a space without any
 * @param spaceMean the mean of every published review in the space, {@code C}
 */
public record ProductRating(
    String productId, long count, double mean, List<Long> distribution, double bayesianAverage, double spaceMean) {
  /** The weight {@code m} of the space mean: how many reviews at the mean the average assumes beforehand. */
  public static final int PRIOR_WEIGHT = 5;

  /** Checks the fields. */
  public ProductRating {
    requireNonNull(productId, "productId");
    distribution = List.copyOf(requireNonNull(distribution, "distribution"));
  }

  /**
   * @param productId the product
   * @param product the product's counters
   * @param space the space's counters
   * @return the rating
   */
  public static ProductRating of(String productId, RatingCounts product, RatingCounts space) {
    double spaceMean = space.count() == 0 ? 0 : (double) space.starSum() / space.count();
    double mean = product.count() == 0 ? 0 : (double) product.starSum() / product.count();
    double bayesian = (spaceMean * PRIOR_WEIGHT + product.starSum()) / (PRIOR_WEIGHT + product.count());
    return new ProductRating(productId, product.count(), mean, product.distribution(), bayesian, spaceMean);
  }
}
