package dev.communitysdk.core.event;

import java.util.List;

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
   * A post mentions members who may read it: written with their {@code @handle}s, or edited to add them. Only the
   * members this post did not mention before are listed. A pending post's mentions are recorded when it is written;
   * a notifier should wait for the post to be published.
   *
   * @param postId the post
   * @param topicId its topic
   * @param memberIds the newly mentioned members, by id ascending
   */
  record Mentioned(long postId, long topicId, List<Long> memberIds) implements PostEvent {
    /** Copies the ids. */
    public Mentioned {
      memberIds = List.copyOf(memberIds);
    }

    @Override
    public String type() {
      return "post.mentioned";
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
   * A moderator decided on a post: approved a waiting or hidden post, rejected or deleted one, removed it as spam, or
   * hid the other waiting posts of a member removed as a spammer.
   *
   * @param postId the post
   * @param topicId its topic
   * @param status the post's new status: {@code PUBLISHED} when approved, {@code DELETED} when rejected, deleted or
   *     removed as spam, {@code HIDDEN} when its author's other post was removed as spam
   * @param reason the moderator's reason ({@code "spam"} for spam); empty for approvals
   */
  record Moderated(long postId, long topicId, String status, String reason) implements PostEvent {
    @Override
    public String type() {
      return "post.moderated";
    }
  }

  /**
   * A member flagged a post.
   *
   * @param postId the post
   * @param topicId its topic
   * @param flaggerId who flagged it
   * @param reason the flag's reason, such as {@code SPAM}
   * @param weight what the flag counts towards hiding the post
   * @param openWeight the post's open flag weight with this flag
   */
  record Flagged(long postId, long topicId, long flaggerId, String reason, int weight, long openWeight)
      implements PostEvent {
    @Override
    public String type() {
      return "post.flagged";
    }
  }

  /**
   * A post's open flags reached the weight that hides it into the moderation queue.
   *
   * @param postId the post
   * @param topicId its topic
   * @param openWeight the post's open flag weight
   */
  record Hidden(long postId, long topicId, long openWeight) implements PostEvent {
    @Override
    public String type() {
      return "post.hidden";
    }
  }

  /**
   * A moderator dismissed the open flags of a published post, which stays published.
   *
   * @param postId the post
   * @param topicId its topic
   * @param moderatorId the moderator
   * @param flags how many flags were dismissed
   */
  record FlagsDismissed(long postId, long topicId, long moderatorId, int flags) implements PostEvent {
    @Override
    public String type() {
      return "post.flags-dismissed";
    }
  }
}
