package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A question escalated to a support case in the CRM. A question is escalated at most once.
 *
 * @param topicId the question
 * @param spaceId its space
 * @param reason why it was escalated
 * @param state where it stands
 * @param escalatedAt when it was escalated
 * @param caseId the CRM's support case, once the CRM opened it
 * @param closedAt when it left {@link EscalationState#OPEN}, if it did
 */
public record Escalation(
    TopicId topicId, SpaceId spaceId, EscalationReason reason, EscalationState state, Instant escalatedAt,
    Optional<String> caseId, Optional<Instant> closedAt) {
  /** Checks the fields. */
  public Escalation {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(reason, "reason");
    requireNonNull(state, "state");
    Checks.instant(escalatedAt, "escalatedAt");
    requireNonNull(caseId, "caseId");
    requireNonNull(closedAt, "closedAt");
  }
}
