package dev.communitysdk.core.insight;

import dev.communitysdk.spi.model.SentimentBucket;

/** The statistics of spike detection: a one-sided two-proportion z-test on negative shares. */
final class ProportionRise {
  private ProportionRise() {}

  /**
   * @param recent the recent window
   * @param baseline the baseline window
   * @return the z-score of the rise of the negative share from baseline to recent; 0 when either window is empty or
   *     the pooled share is 0 or 1
   */
  static double z(SentimentBucket recent, SentimentBucket baseline) {
    if (recent.posts() == 0 || baseline.posts() == 0) {
      return 0;
    }
    double pooled = (double) (recent.negative() + baseline.negative()) / (recent.posts() + baseline.posts());
    double variance = pooled * (1 - pooled) * (1.0 / recent.posts() + 1.0 / baseline.posts());
    if (variance <= 0) {
      return 0;
    }
    return (recent.negativeShare() - baseline.negativeShare()) / Math.sqrt(variance);
  }
}
