package dev.communitysdk.core.event;

import org.jspecify.annotations.Nullable;

/**
 * Events of a question's escalation to a CRM support case. They belong to the topic aggregate, so that they reach
 * listeners in order with the question's other events: a question's case is opened before its later events are
 * delivered.
 */
public sealed interface EscalationEvent extends DomainEvent {
  /** @return the escalated question */
  long topicId();

  @Override
  default String aggregateType() {
    return "topic";
  }

  @Override
  default long aggregateId() {
    return topicId();
  }

  /**
   * A question was escalated: the relay opens its support case. Anonymous questions are never escalated.
   *
   * @param topicId the question
   * @param spaceId its space
   * @param reason {@code SLA} or {@code MEMBER}
   * @param byMemberId who escalated it, or null when it went unanswered past its space's service level
   */
  record Escalated(long topicId, long spaceId, String reason, @Nullable Long byMemberId) implements EscalationEvent {
    /** The event type. */
    public static final String TYPE = "topic.escalated";

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public @Nullable Long mentionedMember() {
      return byMemberId;
    }
  }

  /**
   * A question's support case was resolved and the resolution posted back as an answer.
   *
   * @param topicId the question
   * @param answerId the posted resolution
   * @param accepted whether the resolution was accepted as the answer
   * @param byMemberId the member of staff who posted it
   */
  record Resolved(long topicId, long answerId, boolean accepted, long byMemberId) implements EscalationEvent {
    @Override
    public String type() {
      return "topic.escalation-resolved";
    }

    @Override
    public Long mentionedMember() {
      return byMemberId;
    }
  }
}
