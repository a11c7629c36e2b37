package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * What a vote command leaves behind.
 *
 * @param topicId the idea
 * @param votes the idea's vote count now
 * @param myVote the member's vote now, empty after a retraction
 * @param votesLeft where the space sets a vote budget: how many more open ideas the member may vote on
 */
public record IdeaVoteResult(TopicId topicId, long votes, Optional<VoteDirection> myVote, Optional<Long> votesLeft) {
  /** Checks the fields. */
  public IdeaVoteResult {
    requireNonNull(topicId, "topicId");
    requireNonNull(myVote, "myVote");
    requireNonNull(votesLeft, "votesLeft");
  }
}
