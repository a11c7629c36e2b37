package dev.communitysdk.spi.model;

/** The direction of a vote on a post. */
public enum VoteDirection {
  /** Counts +1 towards the post's score. */
  UP(1),
  /** Counts -1 towards the post's score. */
  DOWN(-1);

  private final int weight;

  VoteDirection(int weight) {
    this.weight = weight;
  }

  /** @return +1 for {@link #UP}, -1 for {@link #DOWN} */
  public int weight() {
    return weight;
  }
}
