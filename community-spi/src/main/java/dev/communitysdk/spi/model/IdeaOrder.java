package dev.communitysdk.spi.model;

/** The keyset-paged orders of an idea listing; each sorts descending by its rank, then by topic id. */
public enum IdeaOrder {
  /** By vote count (up minus down): {@link ListingCursor#rank()} is {@link Idea#score()}. */
  TOP,
  /** By the last status change, newest first: the rank is {@link Idea#statusChangedAt()} in epoch microseconds. */
  RECENTLY_CHANGED;

  /**
   * @param idea an idea
   * @return the idea's sort key in this order
   */
  public double rankOf(Idea idea) {
    return switch (this) {
      case TOP -> idea.score();
      case RECENTLY_CHANGED -> EpochMicros.of(idea.statusChangedAt());
    };
  }
}
