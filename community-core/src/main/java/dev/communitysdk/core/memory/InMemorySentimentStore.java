package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
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

/**
 * Daily buckets keyed by (kind, key, day), so that one scope's days form one range in day order and one kind's scopes
 * one range in key order; per-topic totals keyed by topic id; alerts keyed by (kind, key, last day of the window).
 *
 * <p>A bucket or total whose post count comes back to zero is removed, so reads never see an empty row, nor the
 * rounding residue of a score sum that should be zero. Counters never go below zero: taking out a post that was never
 * added is refused, as a database's check constraint would, rather than leaving counts no bucket can hold. Scopes and
 * topics are plain values, as in the ledger: no reference is checked. Most negative topics scan the space's totals and
 * look each topic's space and status up in the topic table: fine for a reference.
 */
final class InMemorySentimentStore implements SentimentStore {
  private static final int MAX_TOPICS = 200;
  private static final int MAX_SCOPES = 10_000;

  private final InMemoryTransactor transactor;
  private final InMemoryTopicStore topics;
  private final Table<ScopeDay, Row<ScopeDay>> buckets;
  private final Table<Long, Row<Long>> topicTotals;
  private final Table<ScopeDay, Instant> alerts;

  InMemorySentimentStore(InMemoryTransactor transactor, InMemoryTopicStore topics) {
    this.transactor = transactor;
    this.topics = topics;
    this.buckets = new Table<>(transactor);
    this.topicTotals = new Table<>(transactor);
    this.alerts = new Table<>(transactor);
  }

  @Override
  public void record(SentimentSample sample) {
    requireNonNull(sample, "sample");
    LocalDate day = LocalDate.ofInstant(sample.postedAt(), ZoneOffset.UTC);
    // Every scope is built (and its key checked) before the first write; a set counts a tag listed twice once.
    Set<SentimentScope> scopes = new LinkedHashSet<>();
    scopes.add(SentimentScope.community());
    scopes.add(SentimentScope.space(sample.spaceId()));
    sample.tags().forEach(tag -> scopes.add(SentimentScope.tag(tag)));
    sample.authorId().ifPresent(author -> scopes.add(SentimentScope.member(author)));
    sample.accountId().ifPresent(account -> scopes.add(SentimentScope.account(account)));
    sample.productId().ifPresent(product -> scopes.add(SentimentScope.product(product)));
    transactor.run(() -> {
      for (SentimentScope scope : scopes) {
        add(buckets, ScopeDay.of(scope, day), sample);
      }
      add(topicTotals, sample.topicId().value(), sample);
    });
  }

  @Override
  public List<SentimentBucket> daily(SentimentScope scope, LocalDate from, LocalDate until) {
    requireNonNull(scope, "scope");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    if (from.isAfter(until)) {
      // An empty range, as SQL's BETWEEN with its bounds the wrong way round.
      return List.of();
    }
    ScopeDay first = ScopeDay.of(scope, from);
    // Only buckets with posts are kept, so every row of the range is a day to return.
    return transactor.inTransaction(() -> buckets.from(first).stream()
        .takeWhile(row -> row.key().isOf(scope) && !row.key().day().isAfter(until))
        .map(row -> row.counts().toBucket(row.key().day()))
        .toList());
  }

  @Override
  public List<TopicSentiment> mostNegativeOpenTopics(SpaceId spaceId, int minPosts, int limit) {
    requireNonNull(spaceId, "spaceId");
    checkLimit(limit, MAX_TOPICS);
    // Only topics with posts have a row, so a minPosts below 1 lists no topic without posts either.
    return transactor.inTransaction(() -> topicTotals.rows().stream()
        .filter(row -> row.counts().posts() >= minPosts)
        .map(row -> row.counts().toTopicSentiment(new TopicId(row.key())))
        .filter(total -> topics.find(total.topicId())
            .filter(t -> t.spaceId().equals(spaceId) && t.status() == TopicStatus.OPEN)
            .isPresent())
        .sorted(Comparator.comparingDouble(TopicSentiment::mean).thenComparingLong(s -> s.topicId().value()))
        .limit(limit)
        .toList());
  }

  @Override
  public List<SentimentScope> activeScopes(SentimentScopeKind kind, LocalDate since, int limit) {
    requireNonNull(kind, "kind");
    requireNonNull(since, "since");
    checkLimit(limit, MAX_SCOPES);
    // No key sorts before "" and no day before MIN: the kind's rows start here, in key order.
    ScopeDay first = new ScopeDay(kind, "", LocalDate.MIN);
    return transactor.inTransaction(() -> buckets.from(first).stream()
        .map(Row::key)
        .takeWhile(k -> k.kind() == kind)
        .filter(k -> !k.day().isBefore(since))
        .map(k -> new SentimentScope(k.kind(), k.key()))
        .distinct()
        .limit(limit)
        .toList());
  }

  @Override
  public Optional<Instant> findAlert(SentimentScope scope, LocalDate windowEnd) {
    requireNonNull(scope, "scope");
    requireNonNull(windowEnd, "windowEnd");
    return transactor.inTransaction(() -> alerts.get(ScopeDay.of(scope, windowEnd)));
  }

  @Override
  public void insertAlert(SentimentScope scope, LocalDate windowEnd, Instant raisedAt) {
    requireNonNull(scope, "scope");
    requireNonNull(windowEnd, "windowEnd");
    requireNonNull(raisedAt, "raisedAt");
    ScopeDay key = ScopeDay.of(scope, windowEnd);
    transactor.run(() -> {
      if (alerts.contains(key)) {
        throw new DuplicateKeyException("cm_sentiment_alert(scope_kind, scope_key, window_end)");
      }
      alerts.put(key, raisedAt);
    });
  }

  /** Moves one row's counters by the sample, creating the row on its first post and removing it after its last. */
  private static <K extends Comparable<? super K>> void add(
      Table<K, Row<K>> table, K key, SentimentSample sample) {
    Counts moved = table.get(key).map(Row::counts).orElse(Counts.NONE).plus(sample);
    if (moved.posts() == 0) {
      table.remove(key);
    } else {
      table.put(key, new Row<>(key, moved));
    }
  }

  private static void checkLimit(int limit, int max) {
    PageLimit.check(limit, max);
  }

  /** The counters of one bucket or topic: posts by label and the sum of their scores. */
  private record Counts(long posts, long negative, long neutral, long positive, double scoreSum) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    Counts plus(SentimentSample sample) {
      int w = sample.weight();
      SentimentLabel label = sample.label();
      Counts moved = new Counts(posts + w, negative + (label == SentimentLabel.NEGATIVE ? w : 0),
          neutral + (label == SentimentLabel.NEUTRAL ? w : 0), positive + (label == SentimentLabel.POSITIVE ? w : 0),
          scoreSum + w * sample.score());
      if (moved.posts < 0 || moved.negative < 0 || moved.neutral < 0 || moved.positive < 0) {
        throw new StorageException("taking out post " + sample.postId().value() + " as " + label
            + " would leave fewer than no such posts: it was not added as " + label + " on that day", null);
      }
      return moved;
    }

    SentimentBucket toBucket(LocalDate day) {
      return new SentimentBucket(day, posts, negative, neutral, positive, scoreSum);
    }

    TopicSentiment toTopicSentiment(TopicId topicId) {
      return new TopicSentiment(topicId, posts, negative, scoreSum);
    }
  }

  /** A row with its primary key, so that range reads know which scope, day or topic each row is about. */
  private record Row<K>(K key, Counts counts) {}

  /**
   * One scope on one day, ordered by kind, key (string order) and day: a bucket's primary key, and an alert's with
   * its window's last day.
   */
  private record ScopeDay(SentimentScopeKind kind, String key, LocalDate day) implements Comparable<ScopeDay> {
    static ScopeDay of(SentimentScope scope, LocalDate day) {
      return new ScopeDay(scope.kind(), scope.key(), day);
    }

    boolean isOf(SentimentScope scope) {
      return kind == scope.kind() && key.equals(scope.key());
    }

    @Override
    public int compareTo(ScopeDay other) {
      int byKind = kind.compareTo(other.kind);
      if (byKind != 0) {
        return byKind;
      }
      int byKey = key.compareTo(other.key);
      return byKey != 0 ? byKey : day.compareTo(other.day);
    }
  }
}
