package dev.communitysdk.core.event;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A state change, as stored in the outbox and delivered to listeners. Each event is a record whose components are its
 * JSON payload; the type string and schema version identify the payload's shape. Events of anonymous content carry no
 * author id.
 */
public sealed interface DomainEvent
    permits MemberEvent, SpaceCreated, SpaceMemberChanged, TopicEvent, PostEvent, VoteEvent, IdeaEvent, ReviewEvent,
        SentimentSpiked, AccountHealthReported, EscalationEvent {
  /** @return the event type, such as {@code "post.created"} */
  String type();

  /** @return the kind of aggregate that changed, such as {@code "topic"} */
  String aggregateType();

  /** @return the id of the aggregate that changed */
  long aggregateId();

  /** @return the version of this type's payload shape */
  default int schemaVersion() {
    return 1;
  }

  /**
   * The member whose data the payload carries (a joining user, an author, a voter, the member who acted), if any. The
   * outbox indexes it, so that erasing the member can find and scrub the events not yet delivered. Not part of the
   * payload.
   *
   * @return the member's id, or null when the payload names no member
   */
  @JsonIgnore
  default @Nullable Long mentionedMember() {
    return null;
  }
}
