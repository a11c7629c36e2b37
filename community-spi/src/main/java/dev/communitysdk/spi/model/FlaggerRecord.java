package dev.communitysdk.spi.model;

/**
 * How a member's decided flags turned out, which their next flags' weight depends on.
 *
 * @param agreed flags a moderator agreed with
 * @param disagreed flags a moderator disagreed with
 */
public record FlaggerRecord(long agreed, long disagreed) {
  /** A member without decided flags. */
  public static final FlaggerRecord NONE = new FlaggerRecord(0, 0);

  /** Checks the fields. */
  public FlaggerRecord {
    Checks.nonNegative(agreed, "agreed");
    Checks.nonNegative(disagreed, "disagreed");
  }

  /** @return how many of the member's flags were decided */
  public long decided() {
    return agreed + disagreed;
  }
}
