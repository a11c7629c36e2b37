package dev.communitysdk.core.event;

/** Events of product reviews; a review is a topic, so they share the topic's aggregate and its order. */
public sealed interface ReviewEvent extends DomainEvent {
  /** @return the review's topic */
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
   * A review was written.
   *
   * @param topicId the review
   * @param spaceId its space
   * @param productId the product reviewed
   * @param authorId the reviewer
   * @param stars 1 to 5
   * @param verifiedOwner whether the CRM confirmed the reviewer's account owns the product
   * @param status {@code PUBLISHED}, or {@code PENDING} under pre-moderation
   */
  record Posted(long topicId, long spaceId, String productId, long authorId, int stars, boolean verifiedOwner,
      String status) implements ReviewEvent {
    @Override
    public String type() {
      return "review.posted";
    }

    @Override
    public Long mentionedMember() {
      return authorId;
    }
  }

  /**
   * A review's stars, title or body changed.
   *
   * @param topicId the review
   * @param productId the product reviewed
   * @param stars the stars now
   * @param previousStars the stars before
   * @param version the topic's version after the edit
   */
  record Edited(long topicId, String productId, int stars, int previousStars, long version) implements ReviewEvent {
    @Override
    public String type() {
      return "review.edited";
    }
  }

  /**
   * A review was deleted by its author; its stars no longer count.
   *
   * @param topicId the review
   * @param productId the product it reviewed
   * @param stars the stars it had
   */
  record Deleted(long topicId, String productId, int stars) implements ReviewEvent {
    @Override
    public String type() {
      return "review.deleted";
    }
  }

  /**
   * The company answered a review with its official reply.
   *
   * @param topicId the review
   * @param postId the reply
   * @param byMemberId the employee or admin who wrote it
   */
  record OfficialReply(long topicId, long postId, long byMemberId) implements ReviewEvent {
    @Override
    public String type() {
      return "review.official-reply";
    }
  }
}
