package dev.communitysdk.spi.notification;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The notifications kept for one member who reads digests, sent together. A digest's items are fixed when it is
 * formed, so every delivery of it carries the same items and the same key.
 *
 * @param idempotencyKey unique per digest: deliveries may repeat, receivers dedupe by it
 * @param recipientUserId the host user id of the recipient
 * @param items the notifications, oldest first; each keeps its own key
 * @param createdAt when the digest was formed
 */
public record Digest(String idempotencyKey, String recipientUserId, List<Notification> items, Instant createdAt) {
  /** Checks the fields and copies the items. */
  public Digest {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(recipientUserId, "recipientUserId");
    items = List.copyOf(requireNonNull(items, "items"));
    requireNonNull(createdAt, "createdAt");
  }
}
