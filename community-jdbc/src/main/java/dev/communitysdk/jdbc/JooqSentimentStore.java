package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SENTIMENT_ALERT;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SENTIMENT_DAY;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_TOPIC;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicSentiment;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.SentimentStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;

/**
 * Sentiment aggregates: one row per (scope, UTC day) in {@code cm_sentiment_day}, per-topic totals in columns of
 * {@code cm_topic}, and raised spike alerts in {@code cm_sentiment_alert}.
 *
 * <p>Day rows are added to through {@link Rollups}, so a race on a new day ends in a
 * {@link dev.communitysdk.spi.error.DuplicateKeyException} (or a transient lock failure) that core answers by running
 * the command again. A sample whose topic no longer exists still counts in its scopes; there are no topic totals left
 * to move.
 */
final class JooqSentimentStore implements SentimentStore {
  private static final int MAX_TOPICS = 200;
  private static final int MAX_SCOPES = 10_000;
  /** Day rows are always written in this order, so two samples never take each other's row locks crosswise. */
  private static final Comparator<SentimentScope> LOCK_ORDER =
      Comparator.comparing(SentimentScope::kind).thenComparing(SentimentScope::key);

  private final JooqTransactor tx;

  JooqSentimentStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void record(SentimentSample sample) {
    requireNonNull(sample, "sample");
    // A TreeSet both orders the rows for locking and counts a tag listed twice once.
    TreeSet<SentimentScope> scopes = new TreeSet<>(LOCK_ORDER);
    scopes.add(SentimentScope.community());
    scopes.add(SentimentScope.space(sample.spaceId()));
    sample.tags().forEach(tag -> scopes.add(SentimentScope.tag(tag)));
    sample.authorId().ifPresent(member -> scopes.add(SentimentScope.member(member)));
    sample.accountId().ifPresent(account -> scopes.add(SentimentScope.account(account)));
    sample.productId().ifPresent(product -> scopes.add(SentimentScope.product(product)));
    LocalDate day = LocalDate.ofInstant(sample.postedAt(), ZoneOffset.UTC);
    tx.inTransaction(() -> {
      // The topic first, as the command that publishes the post has already locked it: the same order everywhere.
      tx.call("add sentiment to topic totals", dsl -> addToTopic(dsl, sample));
      for (SentimentScope scope : scopes) {
        tx.call("insert sentiment day cm_sentiment_day(scope_kind, scope_key, day_utc)",
            dsl -> addToDay(dsl, scope, day, sample));
      }
      return null;
    });
  }

  @Override
  public List<SentimentBucket> daily(SentimentScope scope, LocalDate from, LocalDate until) {
    requireNonNull(scope, "scope");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    return tx.call("read daily sentiment", dsl -> dsl.select(CM_SENTIMENT_DAY.DAY_UTC, CM_SENTIMENT_DAY.POSTS,
            CM_SENTIMENT_DAY.NEGATIVE, CM_SENTIMENT_DAY.NEUTRAL, CM_SENTIMENT_DAY.POSITIVE, CM_SENTIMENT_DAY.SCORE_SUM)
        .from(CM_SENTIMENT_DAY)
        .where(isScope(scope))
        .and(CM_SENTIMENT_DAY.DAY_UTC.between(from, until))
        .and(CM_SENTIMENT_DAY.POSTS.gt(0L))
        .orderBy(CM_SENTIMENT_DAY.DAY_UTC)
        .fetch(Records.mapping(SentimentBucket::new)));
  }

  /** Reads {@code cm_topic_sentiment_ix} from (space, OPEN) in mean order; only the post count is checked per row. */
  @Override
  public List<TopicSentiment> mostNegativeOpenTopics(SpaceId spaceId, int minPosts, int limit) {
    requireNonNull(spaceId, "spaceId");
    if (minPosts < 0) {
      throw new IllegalArgumentException("minPosts must not be negative, was " + minPosts);
    }
    checkLimit(limit, MAX_TOPICS);
    return tx.call("list most negative open topics", dsl -> dsl.select(CM_TOPIC.ID, CM_TOPIC.SENTIMENT_POSTS,
            CM_TOPIC.SENTIMENT_NEGATIVE, CM_TOPIC.SENTIMENT_SUM)
        .from(CM_TOPIC)
        .where(CM_TOPIC.SPACE_ID.eq(spaceId.value()))
        .and(CM_TOPIC.STATUS.eq(TopicStatus.OPEN.name()))
        .and(CM_TOPIC.SENTIMENT_POSTS.ge((long) Math.max(minPosts, 1)))
        .orderBy(CM_TOPIC.SENTIMENT_MEAN, CM_TOPIC.ID)
        .limit(limit)
        .fetch(r -> new TopicSentiment(new TopicId(r.value1()), r.value2(), r.value3(), r.value4())));
  }

  @Override
  public List<SentimentScope> activeScopes(SentimentScopeKind kind, LocalDate since, int limit) {
    requireNonNull(kind, "kind");
    requireNonNull(since, "since");
    checkLimit(limit, MAX_SCOPES);
    return tx.call("list active sentiment scopes", dsl -> dsl.selectDistinct(CM_SENTIMENT_DAY.SCOPE_KEY)
        .from(CM_SENTIMENT_DAY)
        .where(CM_SENTIMENT_DAY.SCOPE_KIND.eq(kind.name()))
        .and(CM_SENTIMENT_DAY.DAY_UTC.ge(since))
        .and(CM_SENTIMENT_DAY.POSTS.gt(0L))
        .orderBy(CM_SENTIMENT_DAY.SCOPE_KEY)
        .limit(limit)
        .fetch(r -> new SentimentScope(kind, r.value1())));
  }

  @Override
  public Optional<Instant> findAlert(SentimentScope scope, LocalDate windowEnd) {
    requireNonNull(scope, "scope");
    requireNonNull(windowEnd, "windowEnd");
    return tx.call("find sentiment alert", dsl -> dsl.select(CM_SENTIMENT_ALERT.RAISED_AT)
        .from(CM_SENTIMENT_ALERT)
        .where(CM_SENTIMENT_ALERT.SCOPE_KIND.eq(scope.kind().name()))
        .and(CM_SENTIMENT_ALERT.SCOPE_KEY.eq(scope.key()))
        .and(CM_SENTIMENT_ALERT.WINDOW_END.eq(windowEnd))
        .fetchOptional(CM_SENTIMENT_ALERT.RAISED_AT));
  }

  @Override
  public void insertAlert(SentimentScope scope, LocalDate windowEnd, Instant raisedAt) {
    requireNonNull(scope, "scope");
    requireNonNull(windowEnd, "windowEnd");
    requireNonNull(raisedAt, "raisedAt");
    tx.call("insert sentiment alert cm_sentiment_alert(scope_kind, scope_key, window_end)", dsl -> dsl
        .insertInto(CM_SENTIMENT_ALERT)
        .set(CM_SENTIMENT_ALERT.SCOPE_KIND, scope.kind().name())
        .set(CM_SENTIMENT_ALERT.SCOPE_KEY, scope.key())
        .set(CM_SENTIMENT_ALERT.WINDOW_END, windowEnd)
        .set(CM_SENTIMENT_ALERT.RAISED_AT, Times.truncate(raisedAt))
        .execute());
  }

  /**
   * Moves the topic's totals and its mean in one UPDATE. MariaDB evaluates SET assignments left to right and lets
   * later ones see earlier results, where H2 and PostgreSQL use the old row throughout; so every assignment reads only
   * columns assigned after it (the mean first, the post count last), which means the same on all three. When the
   * count returns to zero the sum is reset to exactly zero, so that floating-point residue of added and removed
   * scores does not outlive the posts.
   */
  private static int addToTopic(DSLContext dsl, SentimentSample sample) {
    long weight = sample.weight();
    double score = weight * sample.score();
    Field<Long> posts = CM_TOPIC.SENTIMENT_POSTS.plus(weight);
    Condition empty = posts.eq(0L);
    Field<Double> sum = CM_TOPIC.SENTIMENT_SUM.plus(score);
    return dsl.update(CM_TOPIC)
        .set(CM_TOPIC.SENTIMENT_MEAN, DSL.when(empty, DSL.inline(0.0)).otherwise(sum.div(posts)))
        .set(CM_TOPIC.SENTIMENT_SUM, DSL.when(empty, DSL.inline(0.0)).otherwise(sum))
        .set(CM_TOPIC.SENTIMENT_NEGATIVE, CM_TOPIC.SENTIMENT_NEGATIVE.plus(count(sample, SentimentLabel.NEGATIVE)))
        .set(CM_TOPIC.SENTIMENT_POSTS, posts)
        .where(CM_TOPIC.ID.eq(sample.topicId().value()))
        .execute();
  }

  private static int addToDay(DSLContext dsl, SentimentScope scope, LocalDate day, SentimentSample sample) {
    Map<Field<?>, Object> key = new LinkedHashMap<>();
    key.put(CM_SENTIMENT_DAY.SCOPE_KIND, scope.kind().name());
    key.put(CM_SENTIMENT_DAY.SCOPE_KEY, scope.key());
    key.put(CM_SENTIMENT_DAY.DAY_UTC, day);
    Map<Field<? extends Number>, Number> amounts = new LinkedHashMap<>();
    amounts.put(CM_SENTIMENT_DAY.POSTS, (long) sample.weight());
    amounts.put(CM_SENTIMENT_DAY.NEGATIVE, count(sample, SentimentLabel.NEGATIVE));
    amounts.put(CM_SENTIMENT_DAY.NEUTRAL, count(sample, SentimentLabel.NEUTRAL));
    amounts.put(CM_SENTIMENT_DAY.POSITIVE, count(sample, SentimentLabel.POSITIVE));
    amounts.put(CM_SENTIMENT_DAY.SCORE_SUM, sample.weight() * sample.score());
    return Rollups.add(dsl, CM_SENTIMENT_DAY, key, amounts);
  }

  /** @return how much the sample moves the counter of one label: its weight if it has that label, else 0 */
  private static long count(SentimentSample sample, SentimentLabel label) {
    return sample.label() == label ? sample.weight() : 0;
  }

  private static Condition isScope(SentimentScope scope) {
    return CM_SENTIMENT_DAY.SCOPE_KIND.eq(scope.kind().name()).and(CM_SENTIMENT_DAY.SCOPE_KEY.eq(scope.key()));
  }

  private static void checkLimit(int limit, int max) {
    PageLimit.check(limit, max);
  }
}
