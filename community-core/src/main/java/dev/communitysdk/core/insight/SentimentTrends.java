package dev.communitysdk.core.insight;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.storage.SentimentStore;

/**
 * Sums a scope's daily sentiment over windows: the one place that turns daily aggregates into a window's totals and a
 * trend, for the insights and for the account health the community pushes to the CRM. Reads join the caller's
 * transaction. Thread-safe. Not API.
 */
public final class SentimentTrends {
  private final SentimentStore sentiment;

  /** @param sentiment the store's sentiment aggregates */
  public SentimentTrends(SentimentStore sentiment) {
    this.sentiment = requireNonNull(sentiment, "sentiment");
  }

  /**
   * @param scope the scope
   * @param end the last UTC day of the recent window
   * @param days the length of each window, at least 1
   * @return the {@code days} days up to {@code end} against the {@code days} before
   */
  public SentimentTrend trend(SentimentScope scope, LocalDate end, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, was " + days);
    }
    LocalDate recentStart = end.minusDays(days - 1L);
    LocalDate previousStart = recentStart.minusDays(days);
    return new SentimentTrend(scope, total(scope, recentStart, end, recentStart),
        total(scope, previousStart, recentStart.minusDays(1), previousStart));
  }

  /**
   * @param scope the scope
   * @param from the first UTC day
   * @param until the last UTC day, inclusive
   * @param label the day the total is labelled with
   * @return the days' totals in one bucket
   */
  SentimentBucket total(SentimentScope scope, LocalDate from, LocalDate until, LocalDate label) {
    return sum(label, sentiment.daily(scope, from, until));
  }

  static SentimentBucket sum(LocalDate start, List<SentimentBucket> buckets) {
    long posts = 0;
    long negative = 0;
    long neutral = 0;
    long positive = 0;
    double scores = 0;
    for (SentimentBucket bucket : buckets) {
      posts += bucket.posts();
      negative += bucket.negative();
      neutral += bucket.neutral();
      positive += bucket.positive();
      scores += bucket.scoreSum();
    }
    return new SentimentBucket(start, posts, negative, neutral, positive, scores);
  }
}
