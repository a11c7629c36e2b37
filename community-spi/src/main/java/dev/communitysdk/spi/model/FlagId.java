package dev.communitysdk.spi.model;

/**
 * The id of a flag, assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record FlagId(long value) {
  /** Checks that the id is positive. */
  public FlagId {
    if (value <= 0) {
      throw new IllegalArgumentException("FlagId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
