package dev.communitysdk.spi.storage;

import java.time.Instant;

import dev.communitysdk.spi.model.MemberId;

/**
 * Counts what members do in rate-limit windows. Each counter belongs to one member, one limit and one window, named by
 * the instant the window starts. Thread-safe; every call joins the caller's transaction.
 *
 * <p>Core counts first and checks after, in the command's own transaction: a command over the limit throws, and its
 * increment rolls back with it. The increment is atomic ({@code hits = hits + 1}): concurrent increments of one counter
 * never lose a hit, and each sees the count its own increment produced, so that of N concurrent commands exactly as
 * many as the limit allows see a count within it.
 */
public interface RateLimitStore {
  /**
   * Adds one hit to a counter, creating it at 1 when it does not exist.
   *
   * @param memberId the member; must exist
   * @param limit the limit's name, 1 to 40 characters, such as {@code topics.day}
   * @param windowStart when the counter's window starts
   * @return the counter's value after this hit, at least 1
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if a concurrent transaction created the counter first;
   *     running the command again adds to that counter
   */
  long increment(MemberId memberId, String limit, Instant windowStart);

  /**
   * @param memberId a member
   * @param limit the limit's name
   * @param windowStart the window's start
   * @return the counter's value, 0 when it does not exist
   */
  long count(MemberId memberId, String limit, Instant windowStart);

  /**
   * The check every adapter applies to a limit's name, so that all of them refuse the same names.
   *
   * @param limit a limit's name
   * @return the name, when it has 1 to 40 characters
   * @throws IllegalArgumentException otherwise
   */
  static String checkLimit(String limit) {
    if (limit.isEmpty() || limit.length() > 40) {
      throw new IllegalArgumentException("limit must be 1 to 40 characters, was '" + limit + "'");
    }
    return limit;
  }
}
