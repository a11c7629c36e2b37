package dev.communitysdk.spi.model;

/**
 * The id of a topic (a thread), assigned by the store. Always positive.
 *
 * @param value the store's id
 */
public record TopicId(long value) {
  /** Checks that the id is positive. */
  public TopicId {
    if (value <= 0) {
      throw new IllegalArgumentException("TopicId must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
