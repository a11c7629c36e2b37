package dev.communitysdk.spi.model;

/**
 * The id of a post (an opening post or a reply), assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record PostId(long value) {
  /** Checks that the id is positive. */
  public PostId {
    if (value <= 0) {
      throw new IllegalArgumentException("PostId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
