package dev.communitysdk.core.insight;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentScope;

/**
 * A significant rise of negative posts in a scope.
 *
 * @param scope where
 * @param windowEnd the last day of the recent window
 * @param recent the recent window's totals
 * @param baseline the baseline window's totals
 * @param z the two-proportion z-score of the rise
 */
public record SentimentSpike(
    SentimentScope scope, LocalDate windowEnd, SentimentBucket recent, SentimentBucket baseline, double z) {
  /** Checks the fields. */
  public SentimentSpike {
    requireNonNull(scope, "scope");
    requireNonNull(windowEnd, "windowEnd");
    requireNonNull(recent, "recent");
    requireNonNull(baseline, "baseline");
  }
}
