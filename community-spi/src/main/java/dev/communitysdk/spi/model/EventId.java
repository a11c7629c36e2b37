package dev.communitysdk.spi.model;

/**
 * The id of a stored domain event, assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record EventId(long value) {
  /** Checks that the id is positive. */
  public EventId {
    if (value <= 0) {
      throw new IllegalArgumentException("EventId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
