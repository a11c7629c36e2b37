package dev.communitysdk.core.insight;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentScope;

/**
 * How a scope's sentiment moved: the recent window against the window of equal length before it.
 *
 * @param scope the scope
 * @param recent the recent window's totals
 * @param previous the previous window's totals
 */
public record SentimentTrend(SentimentScope scope, SentimentBucket recent, SentimentBucket previous) {
  /** Checks the fields. */
  public SentimentTrend {
    requireNonNull(scope, "scope");
    requireNonNull(recent, "recent");
    requireNonNull(previous, "previous");
  }

  /** @return the change of the mean score, recent minus previous */
  public double meanChange() {
    return recent.mean() - previous.mean();
  }

  /** @return the change of the negative share, recent minus previous */
  public double negativeShareChange() {
    return recent.negativeShare() - previous.negativeShare();
  }
}
