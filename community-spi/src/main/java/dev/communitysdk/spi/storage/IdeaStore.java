package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.model.AccountVotes;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaQuery;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.IdeaStatusChange;
import dev.communitysdk.spi.model.IdeaTrend;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.VoteTally;

/**
 * Stores ideas, their votes (at most one per idea and voter, enforced by a unique key) and their status history.
 * Counters change only through atomic updates. Thread-safe; every call joins the caller's transaction.
 */
public interface IdeaStore {
  /**
   * @param topicId an inserted topic of an ideas space
   * @param spaceId its space
   * @param createdAt when it was proposed
   * @return the stored idea: {@link IdeaStatus#NEW}, no votes, status changed at creation
   */
  Idea insert(TopicId topicId, SpaceId spaceId, Instant createdAt);

  /** @return the idea, if it exists */
  Optional<Idea> find(TopicId topicId);

  /**
   * Reads the idea and locks its row until the transaction ends ({@code SELECT … FOR UPDATE}), so that votes, status
   * changes and merges of one idea run one after another.
   *
   * @return the idea, if it exists
   */
  Optional<Idea> lock(TopicId topicId);

  /** @return the ideas that exist among the ids, in no particular order */
  List<Idea> findAll(Collection<TopicId> topicIds);

  /**
   * Sets the status, the idea it was merged into (empty unless {@code DUPLICATE}) and the status-change time.
   *
   * @return whether the idea exists
   */
  boolean updateStatus(TopicId topicId, IdeaStatus status, Optional<TopicId> mergedInto, Instant at);

  /**
   * Adds to the vote counters atomically.
   *
   * @return whether the idea exists
   */
  boolean addVotes(TopicId topicId, long upDelta, long downDelta);

  /**
   * Replaces the vote counters with counts taken from the vote rows (after a merge or its undo).
   *
   * @return whether the idea exists
   */
  boolean setVotes(TopicId topicId, VoteTally tally);

  /**
   * @param vote an active vote to insert
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the voter already has a vote, active or not, on the
   *     idea
   */
  void insertVote(IdeaVote vote);

  /** @return the voter's active vote on the idea, if any */
  Optional<IdeaVote> findVote(TopicId topicId, MemberId voterId);

  /** @return the voter's active votes on those ideas */
  List<IdeaVote> findVotesByVoter(MemberId voterId, Collection<TopicId> topicIds);

  /**
   * One page of a member's idea votes, active or not (a merge deactivates them), in idea id order.
   *
   * @param voterId the voter
   * @param after the idea of the previous page's last vote, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} of the voter's votes on ideas with ids above {@code after}
   */
  List<IdeaVote> listVotesByVoter(MemberId voterId, Optional<TopicId> after, int limit);

  /**
   * One page of the members whose vote counts on an idea now (up or down), in member id order.
   *
   * @param topicId the idea
   * @param after the previous page's last voter, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} voters with active votes, with ids above {@code after}
   */
  List<MemberId> listVoters(TopicId topicId, Optional<MemberId> after, int limit);

  /**
   * Replaces direction, account and time of the voter's active vote. The stored {@code mergedFrom} is kept whatever
   * the given vote says, so that undoing a merge still removes a copy its voter turned around.
   *
   * @return whether an active vote existed
   */
  boolean updateVote(IdeaVote vote);

  /**
   * Deletes the voter's vote on the idea, active or not.
   *
   * @return whether a vote was deleted
   */
  boolean deleteVote(TopicId topicId, MemberId voterId);

  /** @return the idea's active votes counted from the vote rows */
  VoteTally tally(TopicId topicId);

  /**
   * Merges the active votes of {@code source} into {@code target}: each active source vote whose voter has no vote,
   * active or not, on the target is copied there, active, with {@code mergedFrom = source} and its cast time kept;
   * then every source vote is deactivated. Counters are not touched.
   */
  void mergeVotes(TopicId source, TopicId target);

  /**
   * Undoes {@link #mergeVotes}: deletes the target's votes merged from {@code source} and reactivates every source
   * vote. Counters are not touched.
   */
  void unmergeVotes(TopicId source, TopicId target);

  /**
   * @param voterId a member
   * @param spaceId an ideas space
   * @param statuses the statuses whose ideas count
   * @return how many active votes the member has on ideas of the space in those statuses
   */
  long countVotes(MemberId voterId, SpaceId spaceId, Set<IdeaStatus> statuses);

  /**
   * @param spaceId an ideas space
   * @param statuses the statuses to include
   * @param since the start of the window
   * @param limit at most this many, 1 to {@link dev.communitysdk.spi.model.TopicQuery#MAX_LIMIT}
   * @return ideas with at least one active up vote cast at or after {@code since}, by that count descending, then
   *     topic id descending
   */
  List<IdeaTrend> trending(SpaceId spaceId, Set<IdeaStatus> statuses, Instant since, int limit);

  /** @return one page of ideas in the query's order */
  List<Idea> list(IdeaQuery query);

  /**
   * @param topicIds ideas
   * @return for each idea and customer account, the active up votes of members voting for that account, ordered by
   *     topic id, then account id
   */
  List<AccountVotes> accountVotes(Collection<TopicId> topicIds);

  /**
   * @param spaceId an ideas space
   * @param statuses the statuses to include
   * @return {@link #accountVotes(Collection)} for every idea of the space in those statuses
   */
  List<AccountVotes> accountVotes(SpaceId spaceId, Set<IdeaStatus> statuses);

  /**
   * @param change a status change to append to the idea's history; the response's source, HTML and render version
   *     are kept, its sentiment is not (responses speak for the company, and {@link #history} returns none)
   */
  void insertStatusChange(IdeaStatusChange change);

  /** @return the idea's status changes, oldest first (in insertion order when times tie) */
  List<IdeaStatusChange> history(TopicId topicId);
}
