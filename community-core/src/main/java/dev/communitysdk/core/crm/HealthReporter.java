package dev.communitysdk.core.crm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import dev.communitysdk.core.event.AccountHealthReported;
import dev.communitysdk.core.insight.SentimentTrend;
import dev.communitysdk.core.insight.SentimentTrends;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.model.SentimentScope;

/**
 * Pushes customer accounts' sentiment health to the CRM: spike alerts of account scopes, and the trends admins report.
 * The trend of a spike is read in a short transaction of its own; the CRM is called with none open. Thread-safe.
 */
final class HealthReporter {
  private final CommunityContext context;
  private final CrmConnector crm;
  private final SentimentTrends trends;
  private final int spikeDays;

  /**
   * @param spikeDays the length of the spike rules' recent window, which a spike's trend spans
   */
  HealthReporter(CommunityContext context, CrmConnector crm, int spikeDays) {
    this.context = requireNonNull(context, "context");
    this.crm = requireNonNull(crm, "crm");
    this.trends = new SentimentTrends(context.store().sentiment());
    this.spikeDays = spikeDays;
  }

  /** A spike of an account scope, as its event tells it. */
  record Spike(String accountId, LocalDate windowEnd, long recentPosts, long recentNegative, long baselinePosts,
      long baselineNegative, double z) {}

  /**
   * Pushes a spike alert with the account's trend over the spike's recent window.
   *
   * @param spike the spike
   * @param idempotencyKey the key of the spike's event
   * @param at when it was detected
   */
  void spiked(Spike spike, String idempotencyKey, Instant at) {
    SentimentTrend trend = context.commands().run("crm.health-read",
        () -> trends.trend(SentimentScope.account(spike.accountId()), spike.windowEnd(), spikeDays));
    String summary = String.format(Locale.ROOT,
        "Negative posts rose to %d of %d in the %d days to %s, from %d of %d before (z = %.2f)",
        spike.recentNegative(), spike.recentPosts(), spikeDays, spike.windowEnd(), spike.baselineNegative(),
        spike.baselinePosts(), spike.z());
    crm.pushAccountHealth(new AccountHealth(idempotencyKey, spike.accountId(), trend.recent().start(),
        spike.windowEnd(), bounded(trend.recent().mean()), bounded(trend.previous().mean()), trend.recent().posts(),
        trend.previous().posts(), Optional.of(summary), at));
  }

  /**
   * Pushes a trend an admin reported.
   *
   * @param report the report's event
   * @param idempotencyKey the event's key
   * @param at when it was reported
   */
  void reported(AccountHealthReported report, String idempotencyKey, Instant at) {
    crm.pushAccountHealth(new AccountHealth(idempotencyKey, report.accountId(), LocalDate.parse(report.periodStart()),
        LocalDate.parse(report.periodEnd()), report.average(), report.previousAverage(), report.samples(),
        report.previousSamples(), Optional.empty(), at));
  }

  /** Keeps a mean within [-1, 1] against the rounding of a sum of scores. */
  static double bounded(double mean) {
    return Math.max(-1, Math.min(1, mean));
  }
}
