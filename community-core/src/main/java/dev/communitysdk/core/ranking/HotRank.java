package dev.communitysdk.core.ranking;

import java.time.Instant;

/**
 * Reddit's hot rank: {@code sign(s)·log10(max(|s|, 1)) + (t − 1134028003) / 45000}, where {@code s} is the score and
 * {@code t} the creation time in epoch seconds. Ten times the score is worth 12.5 hours of freshness.
 */
public final class HotRank {
  /** Reddit's epoch: the seconds the formula counts from. */
  public static final long EPOCH_SECONDS = 1_134_028_003L;
  /** Seconds of age that weigh as much as one order of magnitude of score. */
  public static final double SECONDS_PER_ORDER = 45_000;

  private HotRank() {}

  /**
   * @param score up votes minus down votes
   * @param createdAt when the topic was started
   * @return the hot rank
   */
  public static double of(long score, Instant createdAt) {
    Explanation explanation = explain(score, createdAt);
    return explanation.scoreTerm() + explanation.ageTerm();
  }

  /**
   * @param score up votes minus down votes
   * @param createdAt when the topic was started
   * @return the two terms the rank adds up
   */
  public static Explanation explain(long score, Instant createdAt) {
    double order = Math.log10(Math.max(Math.abs((double) score), 1));
    double seconds = createdAt.getEpochSecond() - EPOCH_SECONDS + createdAt.getNano() / 1e9;
    return new Explanation(Math.signum((double) score) * order, seconds / SECONDS_PER_ORDER);
  }

  /**
   * The terms of a hot rank.
   *
   * @param scoreTerm {@code sign(s)·log10(max(|s|, 1))}
   * @param ageTerm {@code (t − 1134028003) / 45000}
   */
  public record Explanation(double scoreTerm, double ageTerm) {}
}
