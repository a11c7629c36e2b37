package dev.communitysdk.spi.crm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A request to open a support case for a community question that was escalated: it went unanswered past its space's
 * service level, or a member escalated it. Never sent for anonymous questions.
 *
 * @param idempotencyKey unique per escalation: the CRM returns the same case for a repeated key
 * @param contactId the asker's CRM contact, if the asker is linked to one
 * @param accountId the asker's customer account, if any
 * @param topicId the escalated topic, so the case can link back to it
 * @param subject the question's title, plain text
 * @param description the question's body, plain text
 * @param reason why it was escalated, such as {@code "sla"} or {@code "member"}
 * @param occurredAt when it was escalated
 */
public record SupportCaseRequest(
    String idempotencyKey, Optional<String> contactId, Optional<String> accountId, long topicId, String subject,
    String description, String reason, Instant occurredAt) {
  /** Checks the fields. */
  public SupportCaseRequest {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(contactId, "contactId");
    requireNonNull(accountId, "accountId");
    requireNonNull(subject, "subject");
    requireNonNull(description, "description");
    requireNonNull(reason, "reason");
    requireNonNull(occurredAt, "occurredAt");
  }
}
