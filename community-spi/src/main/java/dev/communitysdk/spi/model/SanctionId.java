package dev.communitysdk.spi.model;

/**
 * The id of a sanction, assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record SanctionId(long value) {
  /** Checks that the id is positive. */
  public SanctionId {
    if (value <= 0) {
      throw new IllegalArgumentException("SanctionId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
