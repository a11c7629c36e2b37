package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A Caffeine ticker that reads the community's clock, so that cache expiry follows the same time as every other time
 * rule: a host (or a test) that moves the clock sees cached entries expire with it. Not API.
 */
public final class ClockTicker {
  private ClockTicker() {}

  /**
   * @param now the community's current time
   * @return a ticker counting nanoseconds since the epoch of that time
   */
  public static Ticker of(Supplier<Instant> now) {
    requireNonNull(now, "now");
    return () -> {
      Instant instant = now.get();
      return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    };
  }
}
