package dev.communitysdk.spi.model;

/**
 * The id of a space (a board or category), assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record SpaceId(long value) {
  /** Checks that the id is positive. */
  public SpaceId {
    if (value <= 0) {
      throw new IllegalArgumentException("SpaceId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
