package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.sentiment.SentimentLabel;

/**
 * One published post's sentiment, added to (weight +1) or taken out of (weight -1) every aggregate it belongs to: the
 * community, its space, each of its topic's tags, its topic, and — unless anonymous, which the caller expresses by
 * leaving them empty — its author and the author's customer account; and its product, if any.
 *
 * @param postId the post
 * @param topicId its topic
 * @param spaceId its space
 * @param authorId its author, empty for anonymous posts
 * @param accountId the author's customer account, empty for anonymous posts or members without one
 * @param productId the product the post is about, if any
 * @param tags its topic's tags
 * @param postedAt when the post was published; the day it counts on is its UTC date
 * @param score the post's sentiment score in [-1, 1]
 * @param label the score's label
 * @param weight +1 to add the post, -1 to take it out (an edit takes the old score out and adds the new)
 */
public record SentimentSample(
    PostId postId, TopicId topicId, SpaceId spaceId, Optional<MemberId> authorId, Optional<String> accountId,
    Optional<String> productId, List<String> tags, Instant postedAt, double score, SentimentLabel label, int weight) {
  /** Checks the fields. */
  public SentimentSample {
    requireNonNull(postId, "postId");
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(authorId, "authorId");
    requireNonNull(accountId, "accountId");
    requireNonNull(productId, "productId");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(postedAt, "postedAt");
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
    }
    requireNonNull(label, "label");
    if (weight != 1 && weight != -1) {
      throw new IllegalArgumentException("weight must be +1 or -1, was " + weight);
    }
  }
}
