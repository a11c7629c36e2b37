package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_IDEA;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_IDEA_STATUS;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_IDEA_VOTE;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.CmIdeaVote;
import dev.communitysdk.jdbc.internal.schema.tables.records.CmIdeaRecord;
import dev.communitysdk.jdbc.internal.schema.tables.records.CmIdeaStatusRecord;
import dev.communitysdk.jdbc.internal.schema.tables.records.CmIdeaVoteRecord;
import dev.communitysdk.spi.model.AccountVotes;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaOrder;
import dev.communitysdk.spi.model.IdeaQuery;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.IdeaStatusChange;
import dev.communitysdk.spi.model.IdeaTrend;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.IdeaStore;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.SelectLimitPercentStep;
import org.jooq.SelectOrderByStep;
import org.jooq.impl.DSL;

/**
 * Ideas in {@code cm_idea}, their votes in {@code cm_idea_vote}, their status history in {@code cm_idea_status}.
 *
 * <p>{@code score} (up minus down) is kept by every statement that moves the vote counters, so that the top listing
 * reads an index in order. A listing over several statuses is one ordered, limited scan per status, merged: each scan
 * is a range of {@code (space_id, status, rank, topic_id)}, so a page costs the same however many ideas the space
 * holds. A vote row stays behind, inactive, when a merge moves it to another idea; only active rows count anywhere.
 */
final class JooqIdeaStore implements IdeaStore {
  private static final int MAX_VOTER_PAGE = 1000;
  private static final short UP = Columns.direction(VoteDirection.UP);
  private static final short DOWN = Columns.direction(VoteDirection.DOWN);

  private final JooqTransactor tx;

  JooqIdeaStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Idea insert(TopicId topicId, SpaceId spaceId, Instant createdAt) {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    Instant at = Times.truncate(requireNonNull(createdAt, "createdAt"));
    tx.call("insert idea cm_idea(topic_id)", dsl -> dsl.insertInto(CM_IDEA)
        .set(CM_IDEA.TOPIC_ID, topicId.value())
        .set(CM_IDEA.SPACE_ID, spaceId.value())
        .set(CM_IDEA.STATUS, IdeaStatus.NEW.name())
        .set(CM_IDEA.UP_VOTES, 0L)
        .set(CM_IDEA.DOWN_VOTES, 0L)
        .set(CM_IDEA.SCORE, 0L)
        .set(CM_IDEA.MERGED_INTO, (Long) null)
        .set(CM_IDEA.STATUS_CHANGED_AT, at)
        .set(CM_IDEA.CREATED_AT, at)
        .execute());
    return new Idea(topicId, spaceId, IdeaStatus.NEW, 0, 0, Optional.empty(), at, at);
  }

  @Override
  public Optional<Idea> find(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("find idea", dsl -> dsl.selectFrom(CM_IDEA)
        .where(CM_IDEA.TOPIC_ID.eq(topicId.value()))
        .fetchOptional(JooqIdeaStore::toIdea));
  }

  @Override
  public Optional<Idea> lock(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("lock idea", dsl -> dsl.selectFrom(CM_IDEA)
        .where(CM_IDEA.TOPIC_ID.eq(topicId.value()))
        .forUpdate()
        .fetchOptional(JooqIdeaStore::toIdea));
  }

  @Override
  public List<Idea> findAll(Collection<TopicId> topicIds) {
    List<Long> ids = ids(topicIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.call("find ideas", dsl -> dsl.selectFrom(CM_IDEA)
        .where(CM_IDEA.TOPIC_ID.in(ids))
        .fetch(JooqIdeaStore::toIdea));
  }

  @Override
  public boolean updateStatus(TopicId topicId, IdeaStatus status, Optional<TopicId> mergedInto, Instant at) {
    requireNonNull(topicId, "topicId");
    requireNonNull(status, "status");
    requireNonNull(mergedInto, "mergedInto");
    Instant when = Times.truncate(requireNonNull(at, "at"));
    return tx.call("update idea status", dsl -> dsl.update(CM_IDEA)
        .set(CM_IDEA.STATUS, status.name())
        .set(CM_IDEA.MERGED_INTO, mergedInto.map(TopicId::value).orElse(null))
        .set(CM_IDEA.STATUS_CHANGED_AT, when)
        .where(CM_IDEA.TOPIC_ID.eq(topicId.value()))
        .execute()) == 1;
  }

  /** Each assignment reads only its own column, so MariaDB's left-to-right SET means the same as the others'. */
  @Override
  public boolean addVotes(TopicId topicId, long upDelta, long downDelta) {
    requireNonNull(topicId, "topicId");
    return tx.call("add idea votes", dsl -> dsl.update(CM_IDEA)
        .set(CM_IDEA.UP_VOTES, CM_IDEA.UP_VOTES.plus(upDelta))
        .set(CM_IDEA.DOWN_VOTES, CM_IDEA.DOWN_VOTES.plus(downDelta))
        .set(CM_IDEA.SCORE, CM_IDEA.SCORE.plus(upDelta - downDelta))
        .where(CM_IDEA.TOPIC_ID.eq(topicId.value()))
        .execute()) == 1;
  }

  @Override
  public boolean setVotes(TopicId topicId, VoteTally tally) {
    requireNonNull(topicId, "topicId");
    requireNonNull(tally, "tally");
    return tx.call("set idea votes", dsl -> dsl.update(CM_IDEA)
        .set(CM_IDEA.UP_VOTES, tally.up())
        .set(CM_IDEA.DOWN_VOTES, tally.down())
        .set(CM_IDEA.SCORE, tally.score())
        .where(CM_IDEA.TOPIC_ID.eq(topicId.value()))
        .execute()) == 1;
  }

  @Override
  public void insertVote(IdeaVote vote) {
    requireNonNull(vote, "vote");
    tx.call("insert idea vote cm_idea_vote(topic_id, voter_id)", dsl -> dsl.insertInto(CM_IDEA_VOTE)
        .set(CM_IDEA_VOTE.TOPIC_ID, vote.topicId().value())
        .set(CM_IDEA_VOTE.VOTER_ID, vote.voterId().value())
        .set(CM_IDEA_VOTE.DIRECTION, Columns.direction(vote.direction()))
        .set(CM_IDEA_VOTE.ACCOUNT_ID, vote.accountId().orElse(null))
        .set(CM_IDEA_VOTE.CAST_AT, Times.truncate(vote.castAt()))
        .set(CM_IDEA_VOTE.MERGED_FROM, vote.mergedFrom().map(TopicId::value).orElse(null))
        .set(CM_IDEA_VOTE.ACTIVE, true)
        .execute());
  }

  @Override
  public Optional<IdeaVote> findVote(TopicId topicId, MemberId voterId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(voterId, "voterId");
    return tx.call("find idea vote", dsl -> dsl.selectFrom(CM_IDEA_VOTE)
        .where(key(topicId, voterId))
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .fetchOptional(JooqIdeaStore::toVote));
  }

  @Override
  public List<IdeaVote> findVotesByVoter(MemberId voterId, Collection<TopicId> topicIds) {
    requireNonNull(voterId, "voterId");
    List<Long> ids = ids(topicIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.call("find idea votes of voter", dsl -> dsl.selectFrom(CM_IDEA_VOTE)
        .where(CM_IDEA_VOTE.TOPIC_ID.in(ids))
        .and(CM_IDEA_VOTE.VOTER_ID.eq(voterId.value()))
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .fetch(JooqIdeaStore::toVote));
  }

  @Override
  public boolean updateVote(IdeaVote vote) {
    requireNonNull(vote, "vote");
    return tx.call("update idea vote", dsl -> dsl.update(CM_IDEA_VOTE)
        .set(CM_IDEA_VOTE.DIRECTION, Columns.direction(vote.direction()))
        .set(CM_IDEA_VOTE.ACCOUNT_ID, vote.accountId().orElse(null))
        .set(CM_IDEA_VOTE.CAST_AT, Times.truncate(vote.castAt()))
        .where(key(vote.topicId(), vote.voterId()))
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .execute()) == 1;
  }

  @Override
  public boolean deleteVote(TopicId topicId, MemberId voterId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(voterId, "voterId");
    return tx.call("delete idea vote", dsl -> dsl.deleteFrom(CM_IDEA_VOTE)
        .where(key(topicId, voterId))
        .execute()) == 1;
  }

  @Override
  public VoteTally tally(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("tally idea votes", dsl -> dsl.select(
            DSL.count().filterWhere(CM_IDEA_VOTE.DIRECTION.eq(UP)),
            DSL.count().filterWhere(CM_IDEA_VOTE.DIRECTION.eq(DOWN)))
        .from(CM_IDEA_VOTE)
        .where(CM_IDEA_VOTE.TOPIC_ID.eq(topicId.value()))
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .fetchSingle(r -> new VoteTally(r.value1(), r.value2())));
  }

  /**
   * One {@code INSERT … SELECT … WHERE NOT EXISTS} copies the votes, then one UPDATE deactivates the source's. The
   * primary key still stops a concurrent vote on the target from being doubled: the copy then fails as a duplicate.
   */
  @Override
  public void mergeVotes(TopicId source, TopicId target) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    CmIdeaVote from = CM_IDEA_VOTE.as("s");
    CmIdeaVote onTarget = CM_IDEA_VOTE.as("t");
    tx.inTransaction(() -> {
      tx.call("copy merged idea votes cm_idea_vote(topic_id, voter_id)", dsl -> dsl.insertInto(CM_IDEA_VOTE,
              CM_IDEA_VOTE.TOPIC_ID, CM_IDEA_VOTE.VOTER_ID, CM_IDEA_VOTE.DIRECTION, CM_IDEA_VOTE.ACCOUNT_ID,
              CM_IDEA_VOTE.CAST_AT, CM_IDEA_VOTE.MERGED_FROM, CM_IDEA_VOTE.ACTIVE)
          .select(DSL.select(DSL.val(target.value()), from.VOTER_ID, from.DIRECTION, from.ACCOUNT_ID, from.CAST_AT,
                  DSL.val(source.value()), DSL.val(true))
              .from(from)
              .where(from.TOPIC_ID.eq(source.value()))
              .and(from.ACTIVE.isTrue())
              .andNotExists(DSL.selectOne()
                  .from(onTarget)
                  .where(onTarget.TOPIC_ID.eq(target.value()))
                  .and(onTarget.VOTER_ID.eq(from.VOTER_ID))))
          .execute());
      return tx.call("deactivate merged idea votes", dsl -> setActive(dsl, source, false));
    });
  }

  @Override
  public void unmergeVotes(TopicId source, TopicId target) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    tx.inTransaction(() -> {
      tx.call("delete merged idea votes", dsl -> dsl.deleteFrom(CM_IDEA_VOTE)
          .where(CM_IDEA_VOTE.MERGED_FROM.eq(source.value()))
          .and(CM_IDEA_VOTE.TOPIC_ID.eq(target.value()))
          .execute());
      return tx.call("reactivate merged idea votes", dsl -> setActive(dsl, source, true));
    });
  }

  /** Reads the voter's active votes by {@code cm_idea_vote_voter_ix}, each idea by its primary key. */
  @Override
  public long countVotes(MemberId voterId, SpaceId spaceId, Set<IdeaStatus> statuses) {
    requireNonNull(voterId, "voterId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      return 0;
    }
    return tx.call("count idea votes of voter", dsl -> dsl.selectCount()
        .from(CM_IDEA_VOTE)
        .join(CM_IDEA).on(CM_IDEA.TOPIC_ID.eq(CM_IDEA_VOTE.TOPIC_ID))
        .where(CM_IDEA_VOTE.VOTER_ID.eq(voterId.value()))
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .and(ideasOf(spaceId, statuses))
        .fetchSingle()
        .value1());
  }

  /**
   * The space's ideas in those statuses by {@code cm_idea_top_ix}, each idea's recent up votes counted from a range of
   * {@code cm_idea_vote_recent_ix}.
   */
  @Override
  public List<IdeaTrend> trending(SpaceId spaceId, Set<IdeaStatus> statuses, Instant since, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(statuses, "statuses");
    requireNonNull(since, "since");
    checkLimit(limit);
    if (statuses.isEmpty()) {
      return List.of();
    }
    Field<Integer> recentVotes = DSL.count();
    return tx.call("list trending ideas", dsl -> dsl.select(CM_IDEA_VOTE.TOPIC_ID, recentVotes)
        .from(CM_IDEA)
        .join(CM_IDEA_VOTE).on(CM_IDEA_VOTE.TOPIC_ID.eq(CM_IDEA.TOPIC_ID))
        .where(ideasOf(spaceId, statuses))
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .and(CM_IDEA_VOTE.DIRECTION.eq(UP))
        .and(CM_IDEA_VOTE.CAST_AT.ge(Times.ceil(since)))
        .groupBy(CM_IDEA_VOTE.TOPIC_ID)
        .orderBy(recentVotes.desc(), CM_IDEA_VOTE.TOPIC_ID.desc())
        .limit(limit)
        .fetch(r -> new IdeaTrend(new TopicId(r.value1()), r.value2())));
  }

  /**
   * One ordered, limited branch per status, each a backward range scan of its index, combined by {@code UNION ALL}
   * and cut to the page: a sort of at most (statuses × limit) rows.
   */
  @Override
  public List<Idea> list(IdeaQuery query) {
    requireNonNull(query, "query");
    Field<?> rank = rankColumn(query.order());
    Condition after = query.after().map(cursor -> after(query.order(), cursor)).orElse(DSL.noCondition());
    List<IdeaStatus> statuses = query.statuses().stream().sorted().toList();
    return tx.call("list ideas", dsl -> {
      List<SelectLimitPercentStep<CmIdeaRecord>> branches = statuses.stream()
          .map(status -> dsl.selectFrom(CM_IDEA)
              .where(CM_IDEA.SPACE_ID.eq(query.spaceId().value()))
              .and(CM_IDEA.STATUS.eq(status.name()))
              .and(after)
              .orderBy(rank.desc(), CM_IDEA.TOPIC_ID.desc())
              .limit(query.limit()))
          .toList();
      Select<CmIdeaRecord> page = branches.get(0);
      if (branches.size() > 1) {
        SelectOrderByStep<CmIdeaRecord> union = branches.get(0).unionAll(branches.get(1));
        for (int i = 2; i < branches.size(); i++) {
          union = union.unionAll(branches.get(i));
        }
        page = union.orderBy(rank.desc(), CM_IDEA.TOPIC_ID.desc()).limit(query.limit());
      }
      return page.fetch(JooqIdeaStore::toIdea);
    });
  }

  @Override
  public List<AccountVotes> accountVotes(Collection<TopicId> topicIds) {
    List<Long> ids = ids(topicIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.call("count idea votes by account", dsl -> accountVotes(dsl, CM_IDEA_VOTE.TOPIC_ID.in(ids)));
  }

  @Override
  public List<AccountVotes> accountVotes(SpaceId spaceId, Set<IdeaStatus> statuses) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      return List.of();
    }
    return tx.call("count idea votes of space by account", dsl -> accountVotes(dsl, CM_IDEA_VOTE.TOPIC_ID.in(
        DSL.select(CM_IDEA.TOPIC_ID).from(CM_IDEA).where(ideasOf(spaceId, statuses)))));
  }

  @Override
  public void insertStatusChange(IdeaStatusChange change) {
    requireNonNull(change, "change");
    tx.call("insert idea status change", dsl -> dsl.insertInto(CM_IDEA_STATUS)
        .set(CM_IDEA_STATUS.TOPIC_ID, change.topicId().value())
        .set(CM_IDEA_STATUS.FROM_STATUS, change.from().name())
        .set(CM_IDEA_STATUS.TO_STATUS, change.to().name())
        .set(CM_IDEA_STATUS.RESPONSE_SOURCE, change.response().source())
        .set(CM_IDEA_STATUS.RESPONSE_HTML, change.response().html())
        .set(CM_IDEA_STATUS.RENDER_VERSION, change.response().renderVersion())
        .set(CM_IDEA_STATUS.CHANGED_BY, change.changedBy().value())
        .set(CM_IDEA_STATUS.CHANGED_AT, Times.truncate(change.changedAt()))
        .set(CM_IDEA_STATUS.DUPLICATE_OF, change.duplicateOf().map(TopicId::value).orElse(null))
        .execute());
  }

  @Override
  public List<IdeaStatusChange> history(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("list idea status history", dsl -> dsl.selectFrom(CM_IDEA_STATUS)
        .where(CM_IDEA_STATUS.TOPIC_ID.eq(topicId.value()))
        .orderBy(CM_IDEA_STATUS.CHANGED_AT, CM_IDEA_STATUS.ID)
        .fetch(JooqIdeaStore::toStatusChange));
  }

  /** Active up votes of members voting for an account, per (idea, account), from {@code cm_idea_vote_recent_ix}. */
  private static List<AccountVotes> accountVotes(DSLContext dsl, Condition ideas) {
    return dsl.select(CM_IDEA_VOTE.TOPIC_ID, CM_IDEA_VOTE.ACCOUNT_ID, DSL.count())
        .from(CM_IDEA_VOTE)
        .where(ideas)
        .and(CM_IDEA_VOTE.ACTIVE.isTrue())
        .and(CM_IDEA_VOTE.DIRECTION.eq(UP))
        .and(CM_IDEA_VOTE.ACCOUNT_ID.isNotNull())
        .groupBy(CM_IDEA_VOTE.TOPIC_ID, CM_IDEA_VOTE.ACCOUNT_ID)
        .orderBy(CM_IDEA_VOTE.TOPIC_ID, CM_IDEA_VOTE.ACCOUNT_ID)
        .fetch(r -> new AccountVotes(new TopicId(r.value1()), r.value2(), r.value3()));
  }

  private static int setActive(DSLContext dsl, TopicId topicId, boolean active) {
    return dsl.update(CM_IDEA_VOTE)
        .set(CM_IDEA_VOTE.ACTIVE, active)
        .where(CM_IDEA_VOTE.TOPIC_ID.eq(topicId.value()))
        .execute();
  }

  private static Condition ideasOf(SpaceId spaceId, Set<IdeaStatus> statuses) {
    return CM_IDEA.SPACE_ID.eq(spaceId.value())
        .and(CM_IDEA.STATUS.in(statuses.stream().map(Enum::name).toList()));
  }

  private static Condition key(TopicId topicId, MemberId voterId) {
    return CM_IDEA_VOTE.TOPIC_ID.eq(topicId.value()).and(CM_IDEA_VOTE.VOTER_ID.eq(voterId.value()));
  }

  private static Field<?> rankColumn(IdeaOrder order) {
    return switch (order) {
      case TOP -> CM_IDEA.SCORE;
      case RECENTLY_CHANGED -> CM_IDEA.STATUS_CHANGED_AT;
    };
  }

  private static Condition after(IdeaOrder order, ListingCursor cursor) {
    return switch (order) {
      case TOP -> Keyset.afterCount(CM_IDEA.SCORE, CM_IDEA.TOPIC_ID, cursor);
      case RECENTLY_CHANGED -> Keyset.afterTime(CM_IDEA.STATUS_CHANGED_AT, CM_IDEA.TOPIC_ID, cursor);
    };
  }

  private static List<Long> ids(Collection<TopicId> topicIds) {
    return requireNonNull(topicIds, "topicIds").stream().map(TopicId::value).distinct().toList();
  }

  private static void checkLimit(int limit) {
    PageLimit.check(limit, TopicQuery.MAX_LIMIT);
  }

  private static Idea toIdea(CmIdeaRecord r) {
    return new Idea(
        new TopicId(r.getTopicId()),
        new SpaceId(r.getSpaceId()),
        Columns.enumValue(IdeaStatus.class, r.getStatus(), "cm_idea.status"),
        r.getUpVotes(),
        r.getDownVotes(),
        Optional.ofNullable(r.getMergedInto()).map(TopicId::new),
        r.getStatusChangedAt(),
        r.getCreatedAt());
  }

  @Override
  public List<IdeaVote> listVotesByVoter(MemberId voterId, Optional<TopicId> after, int limit) {
    requireNonNull(voterId, "voterId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_VOTER_PAGE);
    long from = after.map(TopicId::value).orElse(0L);
    return tx.call("list idea votes of voter", dsl -> dsl.selectFrom(CM_IDEA_VOTE)
        .where(CM_IDEA_VOTE.VOTER_ID.eq(voterId.value()).and(CM_IDEA_VOTE.TOPIC_ID.gt(from)))
        .orderBy(CM_IDEA_VOTE.TOPIC_ID)
        .limit(limit)
        .fetch(JooqIdeaStore::toVote));
  }

  @Override
  public List<MemberId> listVoters(TopicId topicId, Optional<MemberId> after, int limit) {
    requireNonNull(topicId, "topicId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_VOTER_PAGE);
    long from = after.map(MemberId::value).orElse(0L);
    return tx.call("list voters of idea", dsl -> dsl.select(CM_IDEA_VOTE.VOTER_ID).from(CM_IDEA_VOTE)
        .where(CM_IDEA_VOTE.TOPIC_ID.eq(topicId.value()).and(CM_IDEA_VOTE.ACTIVE.isTrue())
            .and(CM_IDEA_VOTE.VOTER_ID.gt(from)))
        .orderBy(CM_IDEA_VOTE.VOTER_ID)
        .limit(limit)
        .fetch(r -> new MemberId(r.value1())));
  }

  private static IdeaVote toVote(CmIdeaVoteRecord r) {
    return new IdeaVote(
        new TopicId(r.getTopicId()),
        new MemberId(r.getVoterId()),
        Columns.direction(r.getDirection(), "cm_idea_vote.direction"),
        Optional.ofNullable(r.getAccountId()),
        r.getCastAt(),
        Optional.ofNullable(r.getMergedFrom()).map(TopicId::new));
  }

  private static IdeaStatusChange toStatusChange(CmIdeaStatusRecord r) {
    return new IdeaStatusChange(
        new TopicId(r.getTopicId()),
        Columns.enumValue(IdeaStatus.class, r.getFromStatus(), "cm_idea_status.from_status"),
        Columns.enumValue(IdeaStatus.class, r.getToStatus(), "cm_idea_status.to_status"),
        new PostContent(r.getResponseSource(), r.getResponseHtml(), r.getRenderVersion(), Optional.empty()),
        new MemberId(r.getChangedBy()),
        r.getChangedAt(),
        Optional.ofNullable(r.getDuplicateOf()).map(TopicId::new));
  }
}
