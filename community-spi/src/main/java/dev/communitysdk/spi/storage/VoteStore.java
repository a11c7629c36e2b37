package dev.communitysdk.spi.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteTally;

/**
 * Stores votes: at most one per (voter, post), enforced by a unique key. Thread-safe; every call joins the caller's
 * transaction.
 */
public interface VoteStore {
  /**
   * @param vote the vote to insert
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the voter already voted on the post
   */
  void insert(Vote vote);

  /** @return the voter's vote on the post, if any */
  Optional<Vote> find(MemberId voterId, PostId postId);

  /**
   * @param voterId the voter
   * @param postIds the posts, typically one page of a thread
   * @return the voter's votes on those posts
   */
  List<Vote> findByVoter(MemberId voterId, Collection<PostId> postIds);

  /**
   * Replaces the direction and time of an existing vote.
   *
   * @return whether the vote existed
   */
  boolean update(Vote vote);

  /** @return whether a vote was deleted */
  boolean delete(MemberId voterId, PostId postId);

  /** @return the post's votes counted from the vote rows */
  VoteTally tally(PostId postId);

  /**
   * One page of a member's votes, in post id order.
   *
   * @param voterId the voter
   * @param after the post of the previous page's last vote, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} of the voter's votes on posts with ids above {@code after}
   */
  List<Vote> listByVoter(MemberId voterId, Optional<PostId> after, int limit);
}
