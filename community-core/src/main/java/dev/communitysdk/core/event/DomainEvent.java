package dev.communitysdk.core.event;

/**
 * A state change, as stored in the outbox and delivered to listeners. Each event is a record whose components are its
 * JSON payload; the type string and schema version identify the payload's shape. Events of anonymous content carry no
 * author id.
 */
public sealed interface DomainEvent
    permits MemberEvent, SpaceCreated, SpaceMemberChanged, TopicEvent, PostEvent, VoteEvent, IdeaEvent, ReviewEvent,
        SentimentSpiked {
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
}
