package dev.communitysdk.spi.crm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something that happened in the community to the topic of an open support case, such as the question being solved
 * there before the case was.
 *
 * @param idempotencyKey unique per update: the CRM ignores a repeated key
 * @param caseId the case, as {@link CrmConnector#openCase} returned it
 * @param kind what happened, such as {@code "answer.accepted"}
 * @param note a one-line, plain-text description
 * @param occurredAt when it happened
 */
public record SupportCaseUpdate(String idempotencyKey, String caseId, String kind, String note, Instant occurredAt) {
  /** Checks the fields. */
  public SupportCaseUpdate {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(caseId, "caseId");
    requireNonNull(kind, "kind");
    requireNonNull(note, "note");
    requireNonNull(occurredAt, "occurredAt");
  }
}
