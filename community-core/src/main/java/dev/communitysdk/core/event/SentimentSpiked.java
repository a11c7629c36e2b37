package dev.communitysdk.core.event;

/**
 * The share of negative posts in a scope rose significantly above its baseline. The integration work sends account
 * spikes to the CRM as account health.
 *
 * @param scopeKind the kind of scope, such as {@code "ACCOUNT"}
 * @param scopeKey the scope's key, such as the account id; empty for the community
 * @param windowEnd the last UTC day of the recent window, ISO format
 * @param recentPosts posts in the recent window
 * @param recentNegative negative posts in the recent window
 * @param baselinePosts posts in the baseline window
 * @param baselineNegative negative posts in the baseline window
 * @param z the z-score of the rise
 */
public record SentimentSpiked(
    String scopeKind, String scopeKey, String windowEnd, long recentPosts, long recentNegative, long baselinePosts,
    long baselineNegative, double z) implements DomainEvent {
  @Override
  public String type() {
    return "sentiment.spike";
  }

  @Override
  public String aggregateType() {
    return "sentiment";
  }

  /** @return 0: spikes form one stream, ordered by detection */
  @Override
  public long aggregateId() {
    return 0;
  }
}
