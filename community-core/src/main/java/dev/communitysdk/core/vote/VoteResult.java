package dev.communitysdk.core.vote;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * The outcome of a vote command.
 *
 * @param postId the post voted on
 * @param score the post's score after the command
 * @param myVote the voter's vote after the command; empty after a retraction
 */
public record VoteResult(PostId postId, long score, Optional<VoteDirection> myVote) {
  /** Checks the fields. */
  public VoteResult {
    requireNonNull(postId, "postId");
    requireNonNull(myVote, "myVote");
  }
}
