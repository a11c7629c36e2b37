package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * How many active up votes an idea gained in a recent window.
 *
 * @param topicId the idea
 * @param recentVotes active up votes cast in the window
 */
public record IdeaTrend(TopicId topicId, long recentVotes) {
  /** Checks the fields. */
  public IdeaTrend {
    requireNonNull(topicId, "topicId");
    Checks.nonNegative(recentVotes, "recentVotes");
  }
}
