package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A stored {@link NotificationItem}.
 *
 * @param id the store's id; increases in insertion order
 * @param item the notification
 * @param digestId the digest it was sealed into, if any
 */
public record QueuedNotification(long id, NotificationItem item, Optional<Long> digestId) {
  /** Checks the fields. */
  public QueuedNotification {
    requireNonNull(item, "item");
    requireNonNull(digestId, "digestId");
  }
}
