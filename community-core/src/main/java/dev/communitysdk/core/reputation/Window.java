package dev.communitysdk.core.reputation;

import java.time.Duration;
import java.util.Optional;

/** The time a leaderboard looks back over. */
public enum Window {
  /** Everything since the community began. */
  ALL_TIME(Optional.empty()),
  /** The last 7 days. */
  DAYS_7(Optional.of(Duration.ofDays(7))),
  /** The last 30 days. */
  DAYS_30(Optional.of(Duration.ofDays(30)));

  private final Optional<Duration> length;

  Window(Optional<Duration> length) {
    this.length = length;
  }

  /** @return how far back the window reaches, empty for all time */
  public Optional<Duration> length() {
    return length;
  }
}
