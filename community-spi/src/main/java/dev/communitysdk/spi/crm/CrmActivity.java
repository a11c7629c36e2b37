package dev.communitysdk.spi.crm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A piece of community activity to record on a CRM contact. Never sent for anonymous content.
 *
 * @param idempotencyKey unique per activity: the CRM dedupes repeated deliveries by it
 * @param contactId the CRM contact the activity belongs to
 * @param kind what happened, such as {@code "post.created"} or {@code "answer.accepted"}
 * @param summary a one-line, plain-text description
 * @param occurredAt when it happened
 */
public record CrmActivity(String idempotencyKey, String contactId, String kind, String summary, Instant occurredAt) {
  /** Checks the fields. */
  public CrmActivity {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(contactId, "contactId");
    requireNonNull(kind, "kind");
    requireNonNull(summary, "summary");
    requireNonNull(occurredAt, "occurredAt");
  }
}
