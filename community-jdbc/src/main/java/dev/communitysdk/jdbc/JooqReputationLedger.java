package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_REPUTATION;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_REPUTATION_ROLLUP;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_REPUTATION_TAG_GROUP;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmReputationRecord;
import dev.communitysdk.spi.model.ExpertiseRow;
import dev.communitysdk.spi.model.LeaderboardRow;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.ReputationLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The reputation ledger in {@code cm_reputation}, with per-day sums in {@code cm_reputation_rollup} written in the
 * entry's own transaction, so that leaderboards, expertise and totals read rollups instead of the ledger.
 *
 * <p>Each entry adds to up to three rollup rows, keyed (scope, member, UTC day, reason): scope {@code all}; scope
 * {@code s:<space id>} when the entry names a space; and scope {@code g:<tags>}, the sorted set of its topic's tags,
 * when it has any. A tag's leaderboard or expertise sums the groups that contain the tag (listed in
 * {@code cm_reputation_tag_group}); as every entry lies in exactly one group, an entry whose topic carries several
 * of the asked tags still counts once, which one rollup per tag could not promise.
 *
 * <p>A rollup row is added to by {@code UPDATE ... SET x = x + ?} and, when that found no row, inserted
 * ({@link Rollups}). Two transactions inserting the same row race on its primary key: the loser fails with a
 * {@link dev.communitysdk.spi.error.DuplicateKeyException} (or a transient lock failure), and core runs the whole
 * command again, which then finds the row.
 */
final class JooqReputationLedger implements ReputationLedger {
  private static final int MAX_LIMIT = 1000;
  private static final String ALL = "all";
  private static final String SPACE_SCOPE = "s:";
  private static final String GROUP_SCOPE = "g:";
  private static final String TAG_SEPARATOR = ",";
  /** The width of {@code cm_reputation_rollup.scope}. */
  private static final int MAX_SCOPE = 200;

  private final JooqTransactor tx;

  JooqReputationLedger(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public ReputationEntry append(NewReputationEntry entry) {
    requireNonNull(entry, "entry");
    for (String tag : entry.tags()) {
      if (tag.isEmpty() || tag.contains(TAG_SEPARATOR)) {
        throw new IllegalArgumentException("tags must be non-empty and free of commas, was '" + tag + "'");
      }
    }
    Optional<String> group = groupScope(entry.tags());
    if (group.isPresent() && group.get().length() > MAX_SCOPE) {
      throw new IllegalArgumentException("the tags of a ledger entry must join to at most "
          + (MAX_SCOPE - GROUP_SCOPE.length()) + " characters, were " + entry.tags());
    }
    Instant at = Times.truncate(entry.at());
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    long units = entry.reversal() ? -1 : 1;
    List<String> scopes = new ArrayList<>();
    scopes.add(ALL);
    entry.spaceId().ifPresent(space -> scopes.add(SPACE_SCOPE + space.value()));
    group.ifPresent(scopes::add);
    // One transaction for the entry and its rollups, also when the caller has none; each step names its own key.
    long id = tx.inTransaction(() -> {
      long newId = tx.call("insert reputation entry cm_reputation(member_id, source_key)", dsl -> dsl
          .insertInto(CM_REPUTATION)
          .set(CM_REPUTATION.MEMBER_ID, entry.memberId().value())
          .set(CM_REPUTATION.DELTA, entry.delta())
          .set(CM_REPUTATION.REASON, entry.reason().name())
          .set(CM_REPUTATION.REVERSAL, entry.reversal())
          .set(CM_REPUTATION.SOURCE_KEY, entry.sourceKey())
          .set(CM_REPUTATION.CAUSED_BY, entry.causedBy().map(MemberId::value).orElse(null))
          .set(CM_REPUTATION.SPACE_ID, entry.spaceId().map(SpaceId::value).orElse(null))
          .set(CM_REPUTATION.TOPIC_ID, entry.topicId().map(TopicId::value).orElse(null))
          .set(CM_REPUTATION.POST_ID, entry.postId().map(PostId::value).orElse(null))
          .set(CM_REPUTATION.TAGS, String.join(TAG_SEPARATOR, entry.tags()))
          .set(CM_REPUTATION.OCCURRED_AT, at)
          .returningResult(CM_REPUTATION.ID)
          .fetchSingle()
          .value1());
      group.ifPresent(scope -> tx.call("insert reputation tag group cm_reputation_tag_group(tag, scope)",
          dsl -> registerGroup(dsl, scope, new TreeSet<>(entry.tags()))));
      // Always in the same order, so that two appends never take the same rollup rows' locks in opposite orders.
      for (String scope : scopes) {
        tx.call("insert reputation rollup cm_reputation_rollup(scope, member_id, day_utc, reason)",
            dsl -> addToRollup(dsl, scope, entry.memberId().value(), day, entry.reason(), entry.delta(), units));
      }
      return newId;
    });
    return new ReputationEntry(
        id, entry.memberId(), entry.delta(), entry.reason(), entry.reversal(), entry.sourceKey(), entry.causedBy(),
        entry.spaceId(), entry.topicId(), entry.postId(), entry.tags(), at);
  }

  @Override
  public long net(MemberId memberId, PostId postId, MemberId causedBy, ReputationReason reason) {
    requireNonNull(memberId, "memberId");
    requireNonNull(postId, "postId");
    requireNonNull(causedBy, "causedBy");
    requireNonNull(reason, "reason");
    return tx.call("sum reputation of one cause", dsl -> longValue(dsl.select(DSL.sum(CM_REPUTATION.DELTA))
        .from(CM_REPUTATION)
        .where(CM_REPUTATION.MEMBER_ID.eq(memberId.value()))
        .and(CM_REPUTATION.POST_ID.eq(postId.value()))
        .and(CM_REPUTATION.CAUSED_BY.eq(causedBy.value()))
        .and(CM_REPUTATION.REASON.eq(reason.name()))
        .fetchSingle()
        .value1()));
  }

  @Override
  public long sum(MemberId memberId, Set<ReputationReason> reasons, Instant from, Instant until) {
    requireNonNull(memberId, "memberId");
    requireNonNull(reasons, "reasons");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    if (reasons.isEmpty()) {
      return 0;
    }
    List<String> names = reasons.stream().map(Enum::name).toList();
    Instant start = Times.ceil(from);
    Instant end = Times.ceil(until);
    if (isUtcMidnight(start) && isUtcMidnight(end)) {
      // Whole UTC days, as the daily cap asks on every vote: the 'all' rollup holds each day's sum per reason, so the
      // cost no longer grows with the votes the member received that day.
      return tx.call("sum reputation over whole days", dsl -> longValue(dsl
          .select(DSL.sum(CM_REPUTATION_ROLLUP.DELTA_SUM))
          .from(CM_REPUTATION_ROLLUP)
          .where(CM_REPUTATION_ROLLUP.SCOPE.eq(ALL))
          .and(CM_REPUTATION_ROLLUP.MEMBER_ID.eq(memberId.value()))
          .and(CM_REPUTATION_ROLLUP.DAY_UTC.ge(LocalDate.ofInstant(start, ZoneOffset.UTC)))
          .and(CM_REPUTATION_ROLLUP.DAY_UTC.lt(LocalDate.ofInstant(end, ZoneOffset.UTC)))
          .and(CM_REPUTATION_ROLLUP.REASON.in(names))
          .fetchSingle()
          .value1()));
    }
    return tx.call("sum reputation in a window", dsl -> longValue(dsl.select(DSL.sum(CM_REPUTATION.DELTA))
        .from(CM_REPUTATION)
        .where(CM_REPUTATION.MEMBER_ID.eq(memberId.value()))
        .and(CM_REPUTATION.OCCURRED_AT.ge(Times.ceil(from)))
        .and(CM_REPUTATION.OCCURRED_AT.lt(Times.ceil(until)))
        .and(CM_REPUTATION.REASON.in(names))
        .fetchSingle()
        .value1()));
  }

  private static boolean isUtcMidnight(Instant instant) {
    return instant.equals(LocalDate.ofInstant(instant, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Override
  public List<ReputationEntry> list(MemberId memberId, Optional<Long> afterId, int limit) {
    requireNonNull(memberId, "memberId");
    requireNonNull(afterId, "afterId");
    checkLimit(limit);
    Condition where = CM_REPUTATION.MEMBER_ID.eq(memberId.value());
    if (afterId.isPresent()) {
      where = where.and(CM_REPUTATION.ID.gt(afterId.get()));
    }
    Condition condition = where;
    return tx.call("list reputation entries", dsl -> dsl.selectFrom(CM_REPUTATION)
        .where(condition)
        .orderBy(CM_REPUTATION.ID)
        .limit(limit)
        .fetch(JooqReputationLedger::toEntry));
  }

  /**
   * Whole days come from the rollups. A window that starts inside a day takes that first day from the ledger itself
   * (entries from {@code since} to the next UTC midnight, found by the {@code occurred_at} index), so the result is
   * exact to the microsecond; a window that starts at a UTC midnight reads rollups only.
   */
  @Override
  public List<LeaderboardRow> leaderboard(LeaderboardScope scope, Optional<Instant> since, int limit) {
    requireNonNull(scope, "scope");
    requireNonNull(since, "since");
    checkLimit(limit);
    Condition inScope = rollupScope(scope);
    Select<Record2<Long, Long>> gains;
    if (since.isEmpty()) {
      gains = DSL.select(CM_REPUTATION_ROLLUP.MEMBER_ID.as("member_id"), CM_REPUTATION_ROLLUP.DELTA_SUM.as("gain"))
          .from(CM_REPUTATION_ROLLUP)
          .where(inScope);
    } else {
      Instant start = Times.ceil(since.get());
      LocalDate firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
      Instant midnight = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
      if (start.equals(midnight)) {
        gains = DSL.select(CM_REPUTATION_ROLLUP.MEMBER_ID.as("member_id"), CM_REPUTATION_ROLLUP.DELTA_SUM.as("gain"))
            .from(CM_REPUTATION_ROLLUP)
            .where(inScope.and(CM_REPUTATION_ROLLUP.DAY_UTC.ge(firstDay)));
      } else {
        Instant nextMidnight = firstDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        gains = DSL.select(CM_REPUTATION_ROLLUP.MEMBER_ID.as("member_id"), CM_REPUTATION_ROLLUP.DELTA_SUM.as("gain"))
            .from(CM_REPUTATION_ROLLUP)
            .where(inScope.and(CM_REPUTATION_ROLLUP.DAY_UTC.gt(firstDay)))
            .unionAll(DSL.select(CM_REPUTATION.MEMBER_ID, CM_REPUTATION.DELTA)
                .from(CM_REPUTATION)
                .where(CM_REPUTATION.OCCURRED_AT.ge(start))
                .and(CM_REPUTATION.OCCURRED_AT.lt(nextMidnight))
                .and(ledgerScope(scope)));
      }
    }
    Table<?> table = gains.asTable("gains");
    Field<Long> member = requireNonNull(table.field("member_id", Long.class), "member_id");
    Field<BigDecimal> gained = DSL.sum(requireNonNull(table.field("gain", Long.class), "gain"));
    return tx.call("reputation leaderboard", dsl -> dsl.select(member, gained)
        .from(table)
        .groupBy(member)
        .having(gained.gt(BigDecimal.ZERO))
        .orderBy(gained.desc(), member.asc())
        .limit(limit)
        .fetch(r -> new LeaderboardRow(new MemberId(r.value1()), longValue(r.value2()))));
  }

  @Override
  public List<ExpertiseRow> experts(Collection<String> tags, int limit) {
    requireNonNull(tags, "tags");
    checkLimit(limit);
    Set<String> asked = new TreeSet<>();
    for (String tag : tags) {
      asked.add(requireNonNull(tag, "tag"));
    }
    if (asked.isEmpty()) {
      return List.of();
    }
    Field<BigDecimal> accepted = unitsOf(ReputationReason.ANSWER_ACCEPTED);
    Field<BigDecimal> upvotes = unitsOf(ReputationReason.POST_UPVOTED);
    return tx.call("reputation experts", dsl -> dsl.select(CM_REPUTATION_ROLLUP.MEMBER_ID, accepted, upvotes)
        .from(CM_REPUTATION_ROLLUP)
        .where(CM_REPUTATION_ROLLUP.SCOPE.in(DSL.select(CM_REPUTATION_TAG_GROUP.SCOPE)
            .from(CM_REPUTATION_TAG_GROUP)
            .where(CM_REPUTATION_TAG_GROUP.TAG.in(asked))))
        .and(CM_REPUTATION_ROLLUP.REASON.in(
            ReputationReason.ANSWER_ACCEPTED.name(), ReputationReason.POST_UPVOTED.name()))
        .groupBy(CM_REPUTATION_ROLLUP.MEMBER_ID)
        .having(accepted.gt(BigDecimal.ZERO).or(upvotes.gt(BigDecimal.ZERO)))
        .orderBy(accepted.desc(), upvotes.desc(), CM_REPUTATION_ROLLUP.MEMBER_ID.asc())
        .limit(limit)
        .fetch(r -> new ExpertiseRow(new MemberId(r.value1()), longValue(r.value2()), longValue(r.value3()))));
  }

  /** From the {@code all} rollup, whose primary key leads with (scope, member_id): a scan in member order. */
  @Override
  public List<MemberTotal> totals(Optional<MemberId> after, int limit) {
    requireNonNull(after, "after");
    checkLimit(limit);
    Condition where = CM_REPUTATION_ROLLUP.SCOPE.eq(ALL);
    if (after.isPresent()) {
      where = where.and(CM_REPUTATION_ROLLUP.MEMBER_ID.gt(after.get().value()));
    }
    Condition condition = where;
    Field<BigDecimal> total = DSL.sum(CM_REPUTATION_ROLLUP.DELTA_SUM);
    return tx.call("reputation totals", dsl -> dsl.select(CM_REPUTATION_ROLLUP.MEMBER_ID, total)
        .from(CM_REPUTATION_ROLLUP)
        .where(condition)
        .groupBy(CM_REPUTATION_ROLLUP.MEMBER_ID)
        .orderBy(CM_REPUTATION_ROLLUP.MEMBER_ID)
        .limit(limit)
        .fetch(r -> new MemberTotal(new MemberId(r.value1()), longValue(r.value2()))));
  }

  /** @return the rollup scope of the entry's tag group: its distinct tags, sorted, comma-joined; empty for none */
  private static Optional<String> groupScope(List<String> tags) {
    if (tags.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(GROUP_SCOPE + String.join(TAG_SEPARATOR, new TreeSet<>(tags)));
  }

  /** Lists a new tag group under each of its tags. Looked up by its first tag, the primary key's prefix. */
  private static int registerGroup(DSLContext dsl, String scope, TreeSet<String> tags) {
    boolean known = dsl.fetchExists(CM_REPUTATION_TAG_GROUP,
        CM_REPUTATION_TAG_GROUP.TAG.eq(tags.first()).and(CM_REPUTATION_TAG_GROUP.SCOPE.eq(scope)));
    if (known) {
      return 0;
    }
    InsertValuesStep2<?, String, String> insert = dsl.insertInto(
        CM_REPUTATION_TAG_GROUP, CM_REPUTATION_TAG_GROUP.TAG, CM_REPUTATION_TAG_GROUP.SCOPE);
    for (String tag : tags) {
      insert = insert.values(tag, scope);
    }
    return insert.execute();
  }

  /** Adds the entry to one rollup row; see {@link Rollups} for how a race on a new row ends. */
  private static int addToRollup(
      DSLContext dsl, String scope, long memberId, LocalDate day, ReputationReason reason, long delta, long units) {
    Map<Field<?>, Object> key = new LinkedHashMap<>();
    key.put(CM_REPUTATION_ROLLUP.SCOPE, scope);
    key.put(CM_REPUTATION_ROLLUP.MEMBER_ID, memberId);
    key.put(CM_REPUTATION_ROLLUP.DAY_UTC, day);
    key.put(CM_REPUTATION_ROLLUP.REASON, reason.name());
    Map<Field<Long>, Long> amounts = new LinkedHashMap<>();
    amounts.put(CM_REPUTATION_ROLLUP.DELTA_SUM, delta);
    amounts.put(CM_REPUTATION_ROLLUP.ENTRY_UNITS, units);
    return Rollups.add(dsl, CM_REPUTATION_ROLLUP, key, amounts);
  }

  private static Condition rollupScope(LeaderboardScope scope) {
    if (scope.spaceId().isPresent()) {
      return CM_REPUTATION_ROLLUP.SCOPE.eq(SPACE_SCOPE + scope.spaceId().get().value());
    }
    if (scope.tag().isPresent()) {
      return CM_REPUTATION_ROLLUP.SCOPE.in(DSL.select(CM_REPUTATION_TAG_GROUP.SCOPE)
          .from(CM_REPUTATION_TAG_GROUP)
          .where(CM_REPUTATION_TAG_GROUP.TAG.eq(scope.tag().get())));
    }
    return CM_REPUTATION_ROLLUP.SCOPE.eq(ALL);
  }

  /** The same scope on the ledger's own columns, for the partial first day of a window. */
  private static Condition ledgerScope(LeaderboardScope scope) {
    if (scope.spaceId().isPresent()) {
      return CM_REPUTATION.SPACE_ID.eq(scope.spaceId().get().value());
    }
    if (scope.tag().isPresent()) {
      // ',a,b,' contains ',a,': a whole tag, never a part of a longer one. contains() escapes LIKE's wildcards.
      return DSL.concat(DSL.inline(TAG_SEPARATOR), CM_REPUTATION.TAGS, DSL.inline(TAG_SEPARATOR))
          .contains(TAG_SEPARATOR + scope.tag().get() + TAG_SEPARATOR);
    }
    return DSL.noCondition();
  }

  private static Field<BigDecimal> unitsOf(ReputationReason reason) {
    return DSL.sum(DSL.when(CM_REPUTATION_ROLLUP.REASON.eq(reason.name()), CM_REPUTATION_ROLLUP.ENTRY_UNITS)
        .otherwise(DSL.inline(0L)));
  }

  private static void checkLimit(int limit) {
    PageLimit.check(limit, MAX_LIMIT);
  }

  /** SUM is NULL over no rows, and a NUMERIC on PostgreSQL; the sums of BIGINT deltas fit a long. */
  private static long longValue(@Nullable BigDecimal sum) {
    return sum == null ? 0 : sum.longValueExact();
  }

  private static ReputationEntry toEntry(CmReputationRecord r) {
    String tags = r.getTags();
    return new ReputationEntry(
        r.getId(),
        new MemberId(r.getMemberId()),
        r.getDelta(),
        Columns.enumValue(ReputationReason.class, r.getReason(), "cm_reputation.reason"),
        r.getReversal(),
        r.getSourceKey(),
        Optional.ofNullable(r.getCausedBy()).map(MemberId::new),
        Optional.ofNullable(r.getSpaceId()).map(SpaceId::new),
        Optional.ofNullable(r.getTopicId()).map(TopicId::new),
        Optional.ofNullable(r.getPostId()).map(PostId::new),
        tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(TAG_SEPARATOR)),
        r.getOccurredAt());
  }
}
