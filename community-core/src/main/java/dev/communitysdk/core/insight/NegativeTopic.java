package dev.communitysdk.core.insight;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.model.TopicSentiment;

/**
 * An open topic and how negative its posts are.
 *
 * @param topic the topic
 * @param sentiment its posts' sentiment
 */
public record NegativeTopic(TopicSummary topic, TopicSentiment sentiment) {
  /** Checks the fields. */
  public NegativeTopic {
    requireNonNull(topic, "topic");
    requireNonNull(sentiment, "sentiment");
  }
}
