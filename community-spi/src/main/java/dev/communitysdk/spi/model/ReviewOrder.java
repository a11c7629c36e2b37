package dev.communitysdk.spi.model;

/** The keyset-paged orders of a product's reviews; each sorts descending by its rank, then by topic id. */
public enum ReviewOrder {
  /** By the Wilson lower bound of the helpfulness votes: {@link ListingCursor#rank()} is {@link Review#wilson()}. */
  MOST_HELPFUL,
  /** Newest first: the rank is {@link Review#createdAt()} in epoch microseconds. */
  NEWEST;

  /**
   * @param review a review
   * @return the review's sort key in this order
   */
  public double rankOf(Review review) {
    return switch (this) {
      case MOST_HELPFUL -> review.wilson();
      case NEWEST -> EpochMicros.of(review.createdAt());
    };
  }
}
