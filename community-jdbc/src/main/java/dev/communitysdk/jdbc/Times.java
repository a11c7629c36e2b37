package dev.communitysdk.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the columns keep them. Columns hold microseconds, so a store returns what it wrote truncated the same
 * way: a value read back then equals the value returned on insert, and listing ranks (epoch microseconds) are exact.
 * The UTC conversion itself lives in {@link dev.communitysdk.jdbc.internal.UtcInstantBinding}.
 */
final class Times {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Times() {}

  /** @return the instant as a column stores it */
  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * @return the first instant a column can store that is not before {@code instant}: a window bound that compares
   *     stored values exactly as the unrounded bound would
   */
  static Instant ceil(Instant instant) {
    Instant truncated = truncate(instant);
    return truncated.equals(instant) ? truncated : truncated.plus(1, ChronoUnit.MICROS);
  }

  /**
   * @param micros epoch microseconds, as {@link dev.communitysdk.spi.model.TopicQuery#rankOf} gives them; whole
   *     numbers, which a double holds exactly until the year 2255
   * @return the instant they stand for
   */
  static Instant fromEpochMicros(double micros) {
    long whole = (long) Math.floor(micros);
    return Instant.ofEpochSecond(Math.floorDiv(whole, MICROS_PER_SECOND), Math.floorMod(whole, MICROS_PER_SECOND) * 1_000L);
  }
}
