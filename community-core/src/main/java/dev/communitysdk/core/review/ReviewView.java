package dev.communitysdk.core.review;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.topic.TopicSummary;

/**
 * A review as readers see it.
 *
 * @param topic the review's topic: title, author, status, version (to pass to {@link Reviews#edit})
 * @param productId the product reviewed
 * @param stars 1 to 5
 * @param verifiedOwner whether the CRM confirmed the reviewer's account owns the product
 * @param body the review's text, with its helpfulness votes ({@link PostView#upVotes()} helpful,
 *     {@link PostView#downVotes()} not) and the reader's own vote
 * @param helpfulness the Wilson lower bound of the helpfulness votes, which ranks "most helpful"
 * @param officialReply the company's official reply, shown apart from other replies, if any
 */
public record ReviewView(
    TopicSummary topic, String productId, int stars, boolean verifiedOwner, PostView body, double helpfulness,
    Optional<PostView> officialReply) {
  /** Checks the fields. */
  public ReviewView {
    requireNonNull(topic, "topic");
    requireNonNull(productId, "productId");
    requireNonNull(body, "body");
    requireNonNull(officialReply, "officialReply");
  }
}
