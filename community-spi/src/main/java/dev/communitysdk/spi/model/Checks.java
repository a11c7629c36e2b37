package dev.communitysdk.spi.model;

import java.time.Instant;
import java.util.Objects;

/** Constructor checks shared by the records of this package. Not API. */
final class Checks {
  private Checks() {}

  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static Instant instant(Instant value, String name) {
    return Objects.requireNonNull(value, name);
  }

  static int stars(int value) {
    if (value < 1 || value > 5) {
      throw new IllegalArgumentException("stars must be 1 to 5, was " + value);
    }
    return value;
  }
}
