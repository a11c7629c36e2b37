package dev.communitysdk.core.event;

import org.jspecify.annotations.Nullable;

/** Events of votes; their aggregate is the voted post's topic. */
public sealed interface VoteEvent extends DomainEvent {
  /** @return the topic of the voted post */
  long topicId();

  @Override
  default String aggregateType() {
    return "topic";
  }

  /** @return the voter */
  long voterId();

  @Override
  default long aggregateId() {
    return topicId();
  }

  @Override
  default Long mentionedMember() {
    return voterId();
  }

  /**
   * A member voted on a post, or changed the direction of their vote.
   *
   * @param postId the post
   * @param topicId its topic
   * @param voterId the voter
   * @param direction {@code UP} or {@code DOWN}
   * @param previous the vote's direction before, or null for a new vote
   * @param score the post's score after the vote
   */
  record Cast(long postId, long topicId, long voterId, String direction, @Nullable String previous, long score)
      implements VoteEvent {
    @Override
    public String type() {
      return "vote.cast";
    }
  }

  /**
   * A member took back their vote.
   *
   * @param postId the post
   * @param topicId its topic
   * @param voterId the voter
   * @param direction the direction the retracted vote had
   * @param score the post's score after the retraction
   */
  record Retracted(long postId, long topicId, long voterId, String direction, long score) implements VoteEvent {
    @Override
    public String type() {
      return "vote.retracted";
    }
  }
}
