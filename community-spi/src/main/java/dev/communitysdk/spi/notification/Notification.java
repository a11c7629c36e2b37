package dev.communitysdk.spi.notification;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One thing to tell one member, ready for the host's e-mail or push system.
 *
 * @param idempotencyKey unique per notification: deliveries may repeat, receivers dedupe by it
 * @param recipientUserId the host user id of the recipient
 * @param kind why the member is notified
 * @param subject a one-line summary, plain text
 * @param topicId the topic the notification is about, or 0 when none
 * @param occurredAt when the cause happened
 */
public record Notification(
    String idempotencyKey, String recipientUserId, NotificationKind kind, String subject, long topicId,
    Instant occurredAt) {
  /** Checks the fields. */
  public Notification {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(recipientUserId, "recipientUserId");
    requireNonNull(kind, "kind");
    requireNonNull(subject, "subject");
    requireNonNull(occurredAt, "occurredAt");
  }
}
