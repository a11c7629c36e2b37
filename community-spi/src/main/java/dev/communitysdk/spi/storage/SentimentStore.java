package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicSentiment;

/**
 * Sentiment aggregates, kept up to date in the same transaction as the posts they count: daily buckets per scope,
 * and per-topic totals. Reads never scan posts. Thread-safe; every call joins the caller's transaction.
 */
public interface SentimentStore {
  /**
   * Adds a post to, or takes it out of, the daily bucket of every scope it belongs to (community; space; each tag;
   * member and account when present; product when present) and its topic's totals. Counters move by atomic
   * increments.
   *
   * @param sample the post's sentiment and where it counts
   */
  void record(SentimentSample sample);

  /**
   * @param scope the scope
   * @param from the first UTC day, inclusive
   * @param until the last UTC day, inclusive
   * @return one bucket per day that has posts, in day order
   */
  List<SentimentBucket> daily(SentimentScope scope, LocalDate from, LocalDate until);

  /**
   * @param spaceId the space
   * @param minPosts only topics with at least this many counted posts; a topic with none is never listed
   * @param limit at most this many, 1 to 200
   * @return the space's OPEN topics by mean score ascending (most negative first), then topic id ascending
   */
  List<TopicSentiment> mostNegativeOpenTopics(SpaceId spaceId, int minPosts, int limit);

  /**
   * @param kind the kind of scope
   * @param since the first UTC day
   * @param limit at most this many, 1 to 10,000
   * @return the scopes of that kind with posts on or after the day, ordered by key
   */
  List<SentimentScope> activeScopes(SentimentScopeKind kind, LocalDate since, int limit);

  /**
   * @param scope the scope
   * @param windowEnd the last day of the window the alert was raised for
   * @return when the alert was raised, if it was
   */
  Optional<Instant> findAlert(SentimentScope scope, LocalDate windowEnd);

  /**
   * Records that a spike alert was raised, so that it is raised once per scope and window.
   *
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if one was already recorded for the scope and window
   */
  void insertAlert(SentimentScope scope, LocalDate windowEnd, Instant raisedAt);
}
