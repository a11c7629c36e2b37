package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_RATE_COUNTER;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.RateLimitStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Rate-limit counters in {@code cm_rate_counter}. An increment is {@link Rollups#add}'s update-then-insert, and the
 * count is read back in the same transaction, under the row lock the update took: concurrent increments queue on the
 * row and each reads its own result.
 */
final class JooqRateLimitStore implements RateLimitStore {
  private final JooqTransactor tx;

  JooqRateLimitStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public long increment(MemberId memberId, String limit, Instant windowStart) {
    Condition row = row(memberId, limit, windowStart);
    Map<Field<?>, Object> key = new LinkedHashMap<>();
    key.put(CM_RATE_COUNTER.MEMBER_ID, memberId.value());
    key.put(CM_RATE_COUNTER.RATE_LIMIT, limit);
    key.put(CM_RATE_COUNTER.WINDOW_START, Times.truncate(windowStart));
    return tx.call("count rate limit cm_rate_counter(member_id, rate_limit, window_start)", dsl -> {
      Rollups.add(dsl, CM_RATE_COUNTER, key, Map.of(CM_RATE_COUNTER.HITS, 1));
      return dsl.select(CM_RATE_COUNTER.HITS).from(CM_RATE_COUNTER).where(row).fetchSingle().value1().longValue();
    });
  }

  @Override
  public long count(MemberId memberId, String limit, Instant windowStart) {
    Condition row = row(memberId, limit, windowStart);
    return tx.call("read rate limit", dsl -> dsl.select(CM_RATE_COUNTER.HITS).from(CM_RATE_COUNTER).where(row)
        .fetchOptional(r -> r.value1().longValue())
        .orElse(0L));
  }

  private static Condition row(MemberId memberId, String limit, Instant windowStart) {
    requireNonNull(memberId, "memberId");
    requireNonNull(limit, "limit");
    requireNonNull(windowStart, "windowStart");
    return CM_RATE_COUNTER.MEMBER_ID.eq(memberId.value())
        .and(CM_RATE_COUNTER.RATE_LIMIT.eq(RateLimitStore.checkLimit(limit)))
        .and(CM_RATE_COUNTER.WINDOW_START.eq(Times.truncate(windowStart)));
  }
}
