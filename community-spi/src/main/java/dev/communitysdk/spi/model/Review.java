package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The review state of a topic in a {@link SpaceKind#REVIEWS} space. The topic holds the title, its opening post the
 * body and the helpfulness votes.
 *
 * @param topicId the topic that holds the review
 * @param spaceId the topic's space
 * @param productId the host catalog's product reviewed
 * @param authorId the reviewer; a store holds at most one review per (author, product)
 * @param openingPostId the topic's opening post: the body, voted helpful or not
 * @param stars 1 to 5
 * @param verifiedOwner whether the CRM said the reviewer's account owns the product when the review was written
 * @param officialReplyId the company's one official reply, if posted
 * @param wilson the Wilson lower bound of the opening post's helpfulness votes, the "most helpful" rank
 * @param createdAt when the review was written
 */
public record Review(
    TopicId topicId, SpaceId spaceId, String productId, MemberId authorId, PostId openingPostId, int stars,
    boolean verifiedOwner, Optional<PostId> officialReplyId, double wilson, Instant createdAt) {
  /** Checks the fields. */
  public Review {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    Checks.notBlank(productId, "productId");
    requireNonNull(authorId, "authorId");
    requireNonNull(openingPostId, "openingPostId");
    Checks.stars(stars);
    requireNonNull(officialReplyId, "officialReplyId");
    Checks.instant(createdAt, "createdAt");
  }
}
