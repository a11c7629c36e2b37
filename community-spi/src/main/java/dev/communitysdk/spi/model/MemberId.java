package dev.communitysdk.spi.model;

/**
 * The id of a community member, assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record MemberId(long value) {
  /** Checks that the id is positive. */
  public MemberId {
    if (value <= 0) {
      throw new IllegalArgumentException("MemberId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
