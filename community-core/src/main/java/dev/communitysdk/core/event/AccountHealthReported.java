package dev.communitysdk.core.event;

/**
 * An admin asked for a customer account's sentiment trend to be pushed to the CRM: the account's posts of one period
 * against the period of equal length before it. Counts only posts written under their authors' names.
 *
 * @param accountId the customer account
 * @param periodStart the first UTC day of the period, ISO format
 * @param periodEnd the last UTC day of the period, ISO format
 * @param average the period's mean sentiment score, from -1 to 1; 0 without posts
 * @param previousAverage the mean score of the period before; 0 without posts
 * @param samples posts in the period
 * @param previousSamples posts in the period before
 */
public record AccountHealthReported(String accountId, String periodStart, String periodEnd, double average,
    double previousAverage, long samples, long previousSamples) implements DomainEvent {
  @Override
  public String type() {
    return "account.health-reported";
  }

  /** @return {@code "sentiment"}: reports share the stream of sentiment spikes, so they arrive in detection order */
  @Override
  public String aggregateType() {
    return "sentiment";
  }

  /** @return 0: one stream, like spikes */
  @Override
  public long aggregateId() {
    return 0;
  }
}
