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

  static String handle(String value) {
    Objects.requireNonNull(value, "handle");
    if (!Member.isHandle(value)) {
      throw new IllegalArgumentException("handle must be 1 to " + Member.HANDLE_MAX
          + " characters of a-z, 0-9 and _, was '" + value + "'");
    }
    return value;
  }

  static int stars(int value) {
    if (value < 1 || value > 5) {
      throw new IllegalArgumentException("stars must be 1 to 5, was " + value);
    }
    return value;
  }
}
