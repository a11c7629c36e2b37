package dev.communitysdk.spi.error;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The acting member hit a rate limit. Carries the earliest moment a retry can succeed. */
public final class RateLimitedException extends CommunityException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final Instant retryAfter;

  /**
   * @param limit the limit that was hit, such as {@code "topics per day"}
   * @param retryAfter the earliest moment a retry can succeed
   */
  public RateLimitedException(String limit, Instant retryAfter) {
    super("rate limit reached: " + requireNonNull(limit, "limit") + "; retry after " + requireNonNull(retryAfter, "retryAfter"));
    this.limit = limit;
    this.retryAfter = retryAfter;
  }

  /** @return the limit that was hit */
  public String limit() {
    return limit;
  }

  /** @return the earliest moment a retry can succeed */
  public Instant retryAfter() {
    return retryAfter;
  }
}
