package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An escalation to insert: {@link EscalationState#OPEN}, with no case yet. The fields mean what they mean on
 * {@link Escalation}.
 *
 * @param topicId the question
 * @param spaceId its space
 * @param reason why it is escalated
 * @param escalatedAt when
 */
public record NewEscalation(TopicId topicId, SpaceId spaceId, EscalationReason reason, Instant escalatedAt) {
  /** Checks the fields. */
  public NewEscalation {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(reason, "reason");
    Checks.instant(escalatedAt, "escalatedAt");
  }
}
