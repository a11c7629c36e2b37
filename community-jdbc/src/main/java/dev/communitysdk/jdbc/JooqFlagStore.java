package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_FLAG;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_POST_FLAGS;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmFlagRecord;
import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.FlagId;
import dev.communitysdk.spi.model.FlagOutcome;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.FlagSummary;
import dev.communitysdk.spi.model.FlaggerRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewFlag;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.storage.FlagStore;
import dev.communitysdk.spi.storage.PageLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Flags in {@code cm_flag}; each flagged post's open weight and count, and its spam mark, in {@code cm_post_flags}.
 * Both {@link #insert} and {@link #resolve} take the post's {@code cm_post_flags} row with an atomic update
 * ({@link Rollups#add}) before anything else reads the open flags, which serializes a post's flag commands.
 */
final class JooqFlagStore implements FlagStore {
  private static final int MAX_FLAGGER_PAGE = 1000;

  private final JooqTransactor tx;

  JooqFlagStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Flag insert(NewFlag flag) {
    requireNonNull(flag, "flag");
    Instant createdAt = Times.truncate(flag.createdAt());
    long id = tx.call("insert flag cm_flag(post_id, flagger_id)", dsl -> dsl.insertInto(CM_FLAG)
        .set(CM_FLAG.POST_ID, flag.postId().value())
        .set(CM_FLAG.FLAGGER_ID, flag.flaggerId().value())
        .set(CM_FLAG.REASON, flag.reason().name())
        .set(CM_FLAG.NOTE, flag.note().orElse(null))
        .set(CM_FLAG.WEIGHT, flag.weight())
        .set(CM_FLAG.OUTCOME, FlagOutcome.OPEN.name())
        .set(CM_FLAG.CREATED_AT, createdAt)
        .returningResult(CM_FLAG.ID)
        .fetchSingle()
        .value1());
    tx.call("count flag cm_post_flags(post_id)", dsl -> addOpen(dsl, flag.postId(), flag.weight(), 1));
    return new Flag(new FlagId(id), flag.postId(), flag.flaggerId(), flag.reason(), flag.note(), flag.weight(),
        FlagOutcome.OPEN, createdAt, Optional.empty(), Optional.empty());
  }

  @Override
  public Optional<Flag> find(PostId postId, MemberId flaggerId) {
    requireNonNull(postId, "postId");
    requireNonNull(flaggerId, "flaggerId");
    return tx.call("find flag", dsl -> dsl.selectFrom(CM_FLAG)
        .where(CM_FLAG.POST_ID.eq(postId.value()).and(CM_FLAG.FLAGGER_ID.eq(flaggerId.value())))
        .fetchOptional(JooqFlagStore::toFlag));
  }

  @Override
  public long openWeight(PostId postId) {
    requireNonNull(postId, "postId");
    return tx.call("read open flag weight", dsl -> dsl.select(CM_POST_FLAGS.OPEN_WEIGHT)
        .from(CM_POST_FLAGS)
        .where(CM_POST_FLAGS.POST_ID.eq(postId.value()))
        .fetchOptional(CM_POST_FLAGS.OPEN_WEIGHT)
        .orElse(0L));
  }

  @Override
  public int resolve(PostId postId, FlagOutcome outcome, MemberId decidedBy, Instant at) {
    requireNonNull(postId, "postId");
    requireNonNull(decidedBy, "decidedBy");
    Instant when = Times.truncate(requireNonNull(at, "at"));
    if (requireNonNull(outcome, "outcome") == FlagOutcome.OPEN) {
      throw new IllegalArgumentException("outcome must be AGREED or DISAGREED");
    }
    return tx.call("resolve flags", dsl -> {
      lock(dsl, postId);
      int decided = dsl.update(CM_FLAG)
          .set(CM_FLAG.OUTCOME, outcome.name())
          .set(CM_FLAG.DECIDED_BY, decidedBy.value())
          .set(CM_FLAG.DECIDED_AT, when)
          .where(CM_FLAG.POST_ID.eq(postId.value()).and(CM_FLAG.OUTCOME.eq(FlagOutcome.OPEN.name())))
          .execute();
      dsl.update(CM_POST_FLAGS)
          .set(CM_POST_FLAGS.OPEN_WEIGHT, 0L)
          .set(CM_POST_FLAGS.OPEN_COUNT, 0L)
          .where(CM_POST_FLAGS.POST_ID.eq(postId.value()))
          .execute();
      return decided;
    });
  }

  @Override
  public List<Flag> listByPost(PostId postId) {
    requireNonNull(postId, "postId");
    return tx.call("list flags of post", dsl -> dsl.selectFrom(CM_FLAG)
        .where(CM_FLAG.POST_ID.eq(postId.value()))
        .orderBy(CM_FLAG.ID)
        .fetch(JooqFlagStore::toFlag));
  }

  @Override
  public List<Flag> listByFlagger(MemberId flaggerId, Optional<FlagId> after, int limit) {
    requireNonNull(flaggerId, "flaggerId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_FLAGGER_PAGE);
    long from = after.map(FlagId::value).orElse(0L);
    return tx.call("list flags of flagger", dsl -> dsl.selectFrom(CM_FLAG)
        .where(CM_FLAG.FLAGGER_ID.eq(flaggerId.value()).and(CM_FLAG.ID.gt(from)))
        .orderBy(CM_FLAG.ID)
        .limit(limit)
        .fetch(JooqFlagStore::toFlag));
  }

  @Override
  public List<FlagSummary> openSummaries(Collection<PostId> postIds) {
    requireNonNull(postIds, "postIds");
    if (postIds.isEmpty()) {
      return List.of();
    }
    List<Record3<Long, String, Integer>> rows = tx.call("summarize open flags", dsl -> dsl
        .select(CM_FLAG.POST_ID, CM_FLAG.REASON, CM_FLAG.WEIGHT)
        .from(CM_FLAG)
        .where(CM_FLAG.POST_ID.in(postIds.stream().map(PostId::value).distinct().toList())
            .and(CM_FLAG.OUTCOME.eq(FlagOutcome.OPEN.name())))
        .fetch());
    Map<Long, long[]> totals = new LinkedHashMap<>();
    Map<Long, Set<FlagReason>> reasons = new LinkedHashMap<>();
    for (Record3<Long, String, Integer> row : rows) {
      long[] total = totals.computeIfAbsent(row.value1(), post -> new long[2]);
      total[0]++;
      total[1] += row.value3();
      reasons.computeIfAbsent(row.value1(), post -> EnumSet.noneOf(FlagReason.class))
          .add(FlagReason.valueOf(row.value2()));
    }
    List<FlagSummary> summaries = new ArrayList<>(totals.size());
    totals.forEach((post, total) ->
        summaries.add(new FlagSummary(new PostId(post), total[0], total[1], reasons.get(post))));
    return summaries;
  }

  @Override
  public FlaggerRecord record(MemberId flaggerId) {
    requireNonNull(flaggerId, "flaggerId");
    Map<String, Integer> counts = tx.call("count decided flags", dsl -> dsl
        .select(CM_FLAG.OUTCOME, DSL.count())
        .from(CM_FLAG)
        .where(CM_FLAG.FLAGGER_ID.eq(flaggerId.value())
            .and(CM_FLAG.OUTCOME.in(FlagOutcome.AGREED.name(), FlagOutcome.DISAGREED.name())))
        .groupBy(CM_FLAG.OUTCOME)
        .fetchMap(CM_FLAG.OUTCOME, DSL.count()));
    return new FlaggerRecord(counts.getOrDefault(FlagOutcome.AGREED.name(), 0),
        counts.getOrDefault(FlagOutcome.DISAGREED.name(), 0));
  }

  @Override
  public boolean markSpam(PostId postId, Instant at) {
    requireNonNull(postId, "postId");
    Instant when = Times.truncate(requireNonNull(at, "at"));
    return tx.call("mark spam cm_post_flags(post_id)", dsl -> {
      lock(dsl, postId);
      return dsl.update(CM_POST_FLAGS)
          .set(CM_POST_FLAGS.SPAM_REMOVED_AT, when)
          .where(CM_POST_FLAGS.POST_ID.eq(postId.value()).and(CM_POST_FLAGS.SPAM_REMOVED_AT.isNull()))
          .execute() == 1;
    });
  }

  /** Takes the post's counter row, creating it when the post was never flagged. */
  private static void lock(DSLContext dsl, PostId postId) {
    addOpen(dsl, postId, 0, 0);
  }

  private static int addOpen(DSLContext dsl, PostId postId, long weight, long count) {
    return Rollups.add(dsl, CM_POST_FLAGS, Map.of(CM_POST_FLAGS.POST_ID, postId.value()),
        Map.of(CM_POST_FLAGS.OPEN_WEIGHT, weight, CM_POST_FLAGS.OPEN_COUNT, count));
  }

  private static Flag toFlag(CmFlagRecord r) {
    return new Flag(
        new FlagId(r.getId()),
        new PostId(r.getPostId()),
        new MemberId(r.getFlaggerId()),
        FlagReason.valueOf(r.getReason()),
        Optional.ofNullable(r.getNote()),
        r.getWeight(),
        FlagOutcome.valueOf(r.getOutcome()),
        r.getCreatedAt(),
        Optional.ofNullable(r.getDecidedBy()).map(MemberId::new),
        Optional.ofNullable(r.getDecidedAt()));
  }
}
