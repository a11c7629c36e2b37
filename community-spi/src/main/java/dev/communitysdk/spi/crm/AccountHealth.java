package dev.communitysdk.spi.crm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How a customer account's members feel in the community over a period, against the period of equal length before it:
 * a trend the community pushes to the CRM on request, or an alert when negative posts of the account spiked. Counts
 * only posts its members wrote under their names, never anonymous ones.
 *
 * @param idempotencyKey unique per push: the CRM ignores a repeated key
 * @param accountId the customer account
 * @param periodStart the first UTC day of the period
 * @param periodEnd the last UTC day of the period, inclusive
 * @param averageSentiment the mean sentiment score of the period's posts, from -1 to 1; 0 without posts
 * @param previousAverage the mean score of the period before, from -1 to 1; 0 without posts
 * @param samples how many posts the period counts
 * @param previousSamples how many posts the period before counts
 * @param spike the alert's plain-text summary when this push reports a spike of negative posts; empty for a trend
 * @param occurredAt when it was measured
 */
public record AccountHealth(
    String idempotencyKey, String accountId, LocalDate periodStart, LocalDate periodEnd, double averageSentiment,
    double previousAverage, long samples, long previousSamples, Optional<String> spike, Instant occurredAt) {
  /** Checks the fields. */
  public AccountHealth {
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(accountId, "accountId");
    requireNonNull(periodStart, "periodStart");
    requireNonNull(periodEnd, "periodEnd");
    requireNonNull(spike, "spike");
    requireNonNull(occurredAt, "occurredAt");
    if (periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException("periodEnd must not be before periodStart, was " + periodStart + ".."
          + periodEnd);
    }
    if (!(averageSentiment >= -1 && averageSentiment <= 1) || !(previousAverage >= -1 && previousAverage <= 1)) {
      throw new IllegalArgumentException("averages must be from -1 to 1, were " + averageSentiment + " and "
          + previousAverage);
    }
    if (samples < 0 || previousSamples < 0) {
      throw new IllegalArgumentException("samples must not be negative, were " + samples + " and " + previousSamples);
    }
  }

  /** @return the change of the mean score, this period minus the one before */
  public double trend() {
    return averageSentiment - previousAverage;
  }

  /** @return whether this push is a spike alert */
  public boolean isSpike() {
    return spike.isPresent();
  }
}
