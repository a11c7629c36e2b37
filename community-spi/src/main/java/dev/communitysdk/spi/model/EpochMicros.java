package dev.communitysdk.spi.model;

import java.time.Instant;

/** Instants as listing ranks: epoch microseconds, which a double holds exactly until the year 2255. Not API. */
final class EpochMicros {
  private EpochMicros() {}

  static double of(Instant instant) {
    return instant.getEpochSecond() * 1_000_000.0 + instant.getNano() / 1_000;
  }
}
