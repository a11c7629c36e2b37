package dev.communitysdk.spi.storage;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.event.CommunityEvent;

/**
 * An event a relay node has claimed for delivery, with how often delivering it failed before.
 *
 * @param event the event to deliver
 * @param failedAttempts how many earlier deliveries failed; 0 on the first attempt or after a replay
 */
public record ClaimedEvent(CommunityEvent event, int failedAttempts) {
  /** Checks the fields. */
  public ClaimedEvent {
    requireNonNull(event, "event");
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts must not be negative, was " + failedAttempts);
    }
  }
}
