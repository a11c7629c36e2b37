package dev.communitysdk.core.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Events of the topic aggregate. */
public sealed interface TopicEvent extends DomainEvent {
  /** @return the topic */
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
   * A topic was started.
   *
   * @param topicId the topic
   * @param spaceId its space
   * @param authorId its author, or null when started anonymously
   * @param title its title
   * @param tags its tags
   */
  record Started(long topicId, long spaceId, @Nullable Long authorId, String title, List<String> tags)
      implements TopicEvent {
    @Override
    public String type() {
      return "topic.started";
    }

    @Override
    public @Nullable Long mentionedMember() {
      return authorId;
    }
  }

  /**
   * A topic's title or tags changed.
   *
   * @param topicId the topic
   * @param version the topic's new version
   * @param title the new title
   * @param tags the new tags
   */
  record Edited(long topicId, long version, String title, List<String> tags) implements TopicEvent {
    @Override
    public String type() {
      return "topic.edited";
    }
  }

  /**
   * A topic was closed, reopened or locked.
   *
   * @param topicId the topic
   * @param status the new status
   * @param byMemberId who changed it, or null when the anonymous author did
   */
  record StatusChanged(long topicId, String status, @Nullable Long byMemberId) implements TopicEvent {
    @Override
    public String type() {
      return "topic.status-changed";
    }

    @Override
    public @Nullable Long mentionedMember() {
      return byMemberId;
    }
  }

  /**
   * A question's answer was accepted, replacing any earlier one.
   *
   * @param topicId the question
   * @param answerId the accepted answer
   * @param previousAnswerId the answer it replaced, or null
   * @param byMemberId who accepted it, or null when the anonymous asker did
   */
  record AnswerAccepted(long topicId, long answerId, @Nullable Long previousAnswerId, @Nullable Long byMemberId)
      implements TopicEvent {
    @Override
    public String type() {
      return "answer.accepted";
    }

    @Override
    public @Nullable Long mentionedMember() {
      return byMemberId;
    }
  }

  /**
   * A question's accepted answer was un-accepted; the question is unsolved again.
   *
   * @param topicId the question
   * @param answerId the answer that is no longer accepted
   * @param byMemberId who un-accepted it, or null when the anonymous author did
   */
  record AnswerUnaccepted(long topicId, long answerId, @Nullable Long byMemberId) implements TopicEvent {
    @Override
    public String type() {
      return "answer.unaccepted";
    }

    @Override
    public @Nullable Long mentionedMember() {
      return byMemberId;
    }
  }
}
