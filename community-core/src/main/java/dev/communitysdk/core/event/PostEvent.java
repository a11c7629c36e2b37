package dev.communitysdk.core.event;

import org.jspecify.annotations.Nullable;

/** Events of posts; their aggregate is the post's topic, so that a topic's events arrive in order. */
public sealed interface PostEvent extends DomainEvent {
  /** @return the post */
  long postId();

  /** @return the post's topic */
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
   * A post was written: a topic's opening post or a reply.
   *
   * @param postId the post
   * @param topicId its topic
   * @param spaceId its space
   * @param authorId its author, or null when posted anonymously
   * @param opening whether it opens the topic
   * @param status {@code PUBLISHED}, or {@code PENDING} under pre-moderation
   * @param sentiment the post's sentiment score, from -1 to 1
   */
  record Created(
      long postId, long topicId, long spaceId, @Nullable Long authorId, boolean opening, String status,
      double sentiment) implements PostEvent {
    @Override
    public String type() {
      return "post.created";
    }

    @Override
    public @Nullable Long mentionedMember() {
      return authorId;
    }
  }

  /**
   * A post's body was edited.
   *
   * @param postId the post
   * @param topicId its topic
   * @param version the post's new version
   * @param sentiment the post's new sentiment score
   */
  record Edited(long postId, long topicId, long version, double sentiment) implements PostEvent {
    @Override
    public String type() {
      return "post.edited";
    }
  }

  /**
   * A post was soft-deleted.
   *
   * @param postId the post
   * @param topicId its topic
   * @param byMemberId who deleted it, or null when the anonymous author deleted their own post
   */
  record Deleted(long postId, long topicId, @Nullable Long byMemberId) implements PostEvent {
    @Override
    public String type() {
      return "post.deleted";
    }

    @Override
    public @Nullable Long mentionedMember() {
      return byMemberId;
    }
  }

  /**
   * A moderator decided on a post that waited for approval.
   *
   * @param postId the post
   * @param topicId its topic
   * @param status the post's new status: {@code PUBLISHED} when approved, {@code DELETED} when rejected
   * @param reason the moderator's reason, for rejections; empty otherwise
   */
  record Moderated(long postId, long topicId, String status, String reason) implements PostEvent {
    @Override
    public String type() {
      return "post.moderated";
    }
  }
}
