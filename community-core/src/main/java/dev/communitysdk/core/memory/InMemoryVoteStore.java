package dev.communitysdk.core.memory;

import dev.communitysdk.spi.storage.PageLimit;
import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.VoteStore;

/** Votes keyed by (post, voter): the unique key, and an order that keeps one post's votes together for tallies. */
final class InMemoryVoteStore implements VoteStore {
  private final InMemoryTransactor transactor;
  private final InMemoryPostStore posts;
  private final InMemoryMemberStore members;
  private static final int MAX_VOTER_PAGE = 1000;

  private final Table<Key, Vote> votes;

  InMemoryVoteStore(InMemoryTransactor transactor, InMemoryPostStore posts, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.posts = posts;
    this.members = members;
    this.votes = new Table<>(transactor);
  }

  @Override
  public void insert(Vote vote) {
    requireNonNull(vote, "vote");
    transactor.run(() -> {
      Key key = Key.of(vote.voterId(), vote.postId());
      if (votes.contains(key)) {
        throw new DuplicateKeyException("cm_vote(post_id, member_id)");
      }
      References.require(posts.exists(vote.postId()), "vote", "post", vote.postId());
      References.require(members.exists(vote.voterId()), "vote", "member", vote.voterId());
      votes.put(key, vote);
    });
  }

  @Override
  public Optional<Vote> find(MemberId voterId, PostId postId) {
    requireNonNull(voterId, "voterId");
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> votes.get(Key.of(voterId, postId)));
  }

  @Override
  public List<Vote> findByVoter(MemberId voterId, Collection<PostId> postIds) {
    requireNonNull(voterId, "voterId");
    requireNonNull(postIds, "postIds");
    return transactor.inTransaction(() -> new LinkedHashSet<>(postIds).stream()
        .flatMap(postId -> votes.get(Key.of(voterId, postId)).stream())
        .toList());
  }

  @Override
  public boolean update(Vote vote) {
    requireNonNull(vote, "vote");
    return transactor.inTransaction(() -> votes.update(Key.of(vote.voterId(), vote.postId()), v -> true, v -> vote));
  }

  @Override
  public boolean delete(MemberId voterId, PostId postId) {
    requireNonNull(voterId, "voterId");
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> votes.remove(Key.of(voterId, postId)));
  }

  @Override
  public VoteTally tally(PostId postId) {
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> {
      Collection<Vote> onPost = votes.range(new Key(postId.value(), 0), new Key(postId.value() + 1, 0));
      long up = onPost.stream().filter(v -> v.direction() == VoteDirection.UP).count();
      return new VoteTally(up, onPost.size() - up);
    });
  }

  @Override
  public List<Vote> listByVoter(MemberId voterId, Optional<PostId> after, int limit) {
    requireNonNull(voterId, "voterId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_VOTER_PAGE);
    long afterId = after.map(PostId::value).orElse(0L);
    return transactor.inTransaction(() -> votes.from(new Key(afterId + 1, Long.MIN_VALUE)).stream()
        .filter(vote -> vote.voterId().equals(voterId))
        .limit(limit)
        .toList());
  }

  /** The unique key, post first so that one post's votes form one range. */
  private record Key(long postId, long voterId) implements Comparable<Key> {
    static Key of(MemberId voterId, PostId postId) {
      return new Key(postId.value(), voterId.value());
    }

    @Override
    public int compareTo(Key other) {
      int byPost = Long.compare(postId, other.postId);
      return byPost != 0 ? byPost : Long.compare(voterId, other.voterId);
    }
  }
}
