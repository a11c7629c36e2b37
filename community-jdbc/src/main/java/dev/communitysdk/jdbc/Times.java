package dev.communitysdk.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts between the port's {@link Instant}s and the UTC {@link LocalDateTime}s the columns hold. Columns keep
 * microseconds, so instants are truncated to microseconds before they are written: a value read back then equals
 * the value the store returned when it wrote it, and listing ranks (epoch microseconds) are exact.
 */
final class Times {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Times() {}

  /** @return the instant as the column stores it */
  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** @return the column value for the instant, truncated to microseconds */
  static LocalDateTime toDb(Instant instant) {
    return LocalDateTime.ofInstant(truncate(instant), ZoneOffset.UTC);
  }

  /** @return the instant a column value stands for */
  static Instant fromDb(LocalDateTime value) {
    return value.toInstant(ZoneOffset.UTC);
  }

  /**
   * @param micros epoch microseconds, as {@link dev.communitysdk.spi.model.TopicQuery#rankOf} gives them
   * @return the column value for that moment
   */
  static LocalDateTime fromEpochMicros(double micros) {
    long whole = (long) Math.floor(micros);
    long seconds = Math.floorDiv(whole, MICROS_PER_SECOND);
    long nanos = Math.floorMod(whole, MICROS_PER_SECOND) * 1_000L;
    return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
  }
}
