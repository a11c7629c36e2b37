package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_VOTE;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmVoteRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.VoteStore;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Votes in {@code cm_vote}, the direction stored as its weight (+1 or -1). The primary key allows one per voter. */
final class JooqVoteStore implements VoteStore {
  private static final int MAX_VOTER_PAGE = 1000;

  private final JooqTransactor tx;

  JooqVoteStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void insert(Vote vote) {
    requireNonNull(vote, "vote");
    tx.call("insert vote cm_vote(post_id, member_id)", dsl -> dsl.insertInto(CM_VOTE)
        .set(CM_VOTE.POST_ID, vote.postId().value())
        .set(CM_VOTE.MEMBER_ID, vote.voterId().value())
        .set(CM_VOTE.DIRECTION, Columns.direction(vote.direction()))
        .set(CM_VOTE.CAST_AT, vote.castAt())
        .execute());
  }

  @Override
  public Optional<Vote> find(MemberId voterId, PostId postId) {
    requireNonNull(voterId, "voterId");
    requireNonNull(postId, "postId");
    return tx.call("find vote", dsl -> dsl.selectFrom(CM_VOTE)
        .where(key(voterId, postId))
        .fetchOptional(JooqVoteStore::toVote));
  }

  @Override
  public List<Vote> findByVoter(MemberId voterId, Collection<PostId> postIds) {
    requireNonNull(voterId, "voterId");
    Set<Long> posts = requireNonNull(postIds, "postIds").stream().map(PostId::value).collect(Collectors.toSet());
    if (posts.isEmpty()) {
      return List.of();
    }
    return tx.call("find votes of voter", dsl -> dsl.selectFrom(CM_VOTE)
        .where(CM_VOTE.MEMBER_ID.eq(voterId.value()).and(CM_VOTE.POST_ID.in(posts)))
        .fetch(JooqVoteStore::toVote));
  }

  @Override
  public boolean update(Vote vote) {
    requireNonNull(vote, "vote");
    return tx.call("update vote", dsl -> dsl.update(CM_VOTE)
        .set(CM_VOTE.DIRECTION, Columns.direction(vote.direction()))
        .set(CM_VOTE.CAST_AT, vote.castAt())
        .where(key(vote.voterId(), vote.postId()))
        .execute()) == 1;
  }

  @Override
  public boolean delete(MemberId voterId, PostId postId) {
    requireNonNull(voterId, "voterId");
    requireNonNull(postId, "postId");
    return tx.call("delete vote", dsl -> dsl.deleteFrom(CM_VOTE).where(key(voterId, postId)).execute()) == 1;
  }

  @Override
  public VoteTally tally(PostId postId) {
    requireNonNull(postId, "postId");
    return tx.call("tally votes", dsl -> dsl.select(
            DSL.count().filterWhere(CM_VOTE.DIRECTION.gt((short) 0)),
            DSL.count().filterWhere(CM_VOTE.DIRECTION.lt((short) 0)))
        .from(CM_VOTE)
        .where(CM_VOTE.POST_ID.eq(postId.value()))
        .fetchSingle(r -> new VoteTally(r.value1(), r.value2())));
  }

  private static Condition key(MemberId voterId, PostId postId) {
    return CM_VOTE.POST_ID.eq(postId.value()).and(CM_VOTE.MEMBER_ID.eq(voterId.value()));
  }

  @Override
  public List<Vote> listByVoter(MemberId voterId, Optional<PostId> after, int limit) {
    requireNonNull(voterId, "voterId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_VOTER_PAGE);
    long from = after.map(PostId::value).orElse(0L);
    return tx.call("list votes of voter", dsl -> dsl.selectFrom(CM_VOTE)
        .where(CM_VOTE.MEMBER_ID.eq(voterId.value()).and(CM_VOTE.POST_ID.gt(from)))
        .orderBy(CM_VOTE.POST_ID)
        .limit(limit)
        .fetch(JooqVoteStore::toVote));
  }

  private static Vote toVote(CmVoteRecord r) {
    return new Vote(new MemberId(r.getMemberId()), new PostId(r.getPostId()),
        Columns.direction(r.getDirection(), "cm_vote.direction"), r.getCastAt());
  }
}
