package dev.communitysdk.core.event;

import org.jspecify.annotations.Nullable;

/** Events of ideas; an idea is a topic, so they share the topic's aggregate and its order. */
public sealed interface IdeaEvent extends DomainEvent {
  /** @return the idea's topic */
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
   * An idea's status changed, with an official response.
   *
   * @param topicId the idea
   * @param spaceId its space
   * @param from the status before
   * @param to the status after
   * @param responseHtml the official response, as sanitized HTML
   * @param byMemberId the employee or admin who changed it
   * @param duplicateOf for a merge or its undo: the other idea
   */
  record StatusChanged(long topicId, long spaceId, String from, String to, String responseHtml, long byMemberId,
      @Nullable Long duplicateOf) implements IdeaEvent {
    @Override
    public String type() {
      return "idea.status-changed";
    }
  }

  /**
   * A member voted on an idea, or turned their vote around.
   *
   * @param topicId the idea
   * @param voterId the voter
   * @param direction {@code UP} or {@code DOWN}
   * @param previous the direction it replaced, or null
   * @param votes the idea's vote count after the vote (up minus down)
   */
  record VoteCast(long topicId, long voterId, String direction, @Nullable String previous, long votes)
      implements IdeaEvent {
    @Override
    public String type() {
      return "idea.vote-cast";
    }

    @Override
    public Long mentionedMember() {
      return voterId;
    }
  }

  /**
   * A member took back their vote on an idea.
   *
   * @param topicId the idea
   * @param voterId the voter
   * @param direction the direction taken back
   * @param votes the idea's vote count after it
   */
  record VoteRetracted(long topicId, long voterId, String direction, long votes) implements IdeaEvent {
    @Override
    public String type() {
      return "idea.vote-retracted";
    }

    @Override
    public Long mentionedMember() {
      return voterId;
    }
  }

  /**
   * An idea was marked a duplicate of another and its votes moved there; members who voted on both count once.
   *
   * @param topicId the duplicate
   * @param targetId the idea it was merged into
   * @param targetVotes the target's vote count after the merge
   * @param byMemberId who merged them
   */
  record Merged(long topicId, long targetId, long targetVotes, long byMemberId) implements IdeaEvent {
    @Override
    public String type() {
      return "idea.merged";
    }
  }

  /**
   * A merge was undone: the duplicate has its votes back, the target lost the ones it had received.
   *
   * @param topicId the former duplicate
   * @param targetId the idea it had been merged into
   * @param votes the former duplicate's vote count after the undo
   * @param targetVotes the target's vote count after the undo
   * @param byMemberId who undid it
   */
  record MergeUndone(long topicId, long targetId, long votes, long targetVotes, long byMemberId)
      implements IdeaEvent {
    @Override
    public String type() {
      return "idea.merge-undone";
    }
  }
}
