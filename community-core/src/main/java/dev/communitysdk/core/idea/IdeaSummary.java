package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.TopicId;

/**
 * An idea as listings show it: its topic, where it stands, and its votes.
 *
 * @param topic the idea's topic
 * @param status where it stands on the roadmap
 * @param votes its vote count: up votes minus down votes, including votes merged in from duplicates
 * @param upVotes its up votes
 * @param downVotes its down votes (only where the space allows them)
 * @param mergedInto for a duplicate: the idea that holds its votes
 */
public record IdeaSummary(
    TopicSummary topic, IdeaStatus status, long votes, long upVotes, long downVotes, Optional<TopicId> mergedInto) {
  /** Checks the fields. */
  public IdeaSummary {
    requireNonNull(topic, "topic");
    requireNonNull(status, "status");
    requireNonNull(mergedInto, "mergedInto");
  }

  static IdeaSummary of(TopicSummary topic, Idea idea) {
    return new IdeaSummary(topic, idea.status(), idea.score(), idea.upVotes(), idea.downVotes(), idea.mergedInto());
  }

  /** @return whether members may vote on it */
  public boolean votingOpen() {
    return status.votingOpen();
  }
}
