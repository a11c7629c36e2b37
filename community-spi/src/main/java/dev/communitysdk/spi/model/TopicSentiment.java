package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * The sentiment of one topic's published posts.
 *
 * @param topicId the topic
 * @param posts the number of posts counted
 * @param negative how many were labelled negative
 * @param scoreSum the sum of their scores
 */
public record TopicSentiment(TopicId topicId, long posts, long negative, double scoreSum) {
  /** Checks the fields. */
  public TopicSentiment {
    requireNonNull(topicId, "topicId");
  }

  /** @return the mean score, 0 without posts */
  public double mean() {
    return posts == 0 ? 0 : scoreSum / posts;
  }
}
