package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import dev.communitysdk.spi.notification.NotificationKind;

/**
 * A notification kept for a member who reads digests, until it is sent in one.
 *
 * @param memberId the recipient
 * @param idempotencyKey the notification's key; unique in a store
 * @param kind why the member is notified
 * @param subject the plain-text subject
 * @param topicId the topic it is about, or 0
 * @param postId the post it is about, or 0
 * @param occurredAt when its cause happened
 */
public record NotificationItem(
    MemberId memberId, String idempotencyKey, NotificationKind kind, String subject, long topicId, long postId,
    Instant occurredAt) {
  /** The most characters of a key. */
  public static final int KEY_MAX = 200;
  /** The most characters of a subject. */
  public static final int SUBJECT_MAX = 500;

  /** Checks the fields. */
  public NotificationItem {
    requireNonNull(memberId, "memberId");
    Checks.notBlank(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.length() > KEY_MAX) {
      throw new IllegalArgumentException("idempotencyKey must be at most " + KEY_MAX + " characters");
    }
    requireNonNull(kind, "kind");
    Checks.notBlank(subject, "subject");
    if (subject.length() > SUBJECT_MAX) {
      throw new IllegalArgumentException("subject must be at most " + SUBJECT_MAX + " characters");
    }
    Checks.instant(occurredAt, "occurredAt");
  }
}
