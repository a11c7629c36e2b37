package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A review to insert, for a topic and opening post already inserted. It starts with no official reply and a Wilson
 * rank of 0.
 *
 * @param topicId the review's topic
 * @param spaceId the topic's space
 * @param productId the product reviewed
 * @param authorId the reviewer
 * @param openingPostId the topic's opening post
 * @param stars 1 to 5
 * @param verifiedOwner whether the reviewer's account owns the product
 * @param createdAt when it is written
 */
public record NewReview(
    TopicId topicId, SpaceId spaceId, String productId, MemberId authorId, PostId openingPostId, int stars,
    boolean verifiedOwner, Instant createdAt) {
  /** Checks the fields. */
  public NewReview {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    Checks.notBlank(productId, "productId");
    requireNonNull(authorId, "authorId");
    requireNonNull(openingPostId, "openingPostId");
    Checks.stars(stars);
    Checks.instant(createdAt, "createdAt");
  }
}
