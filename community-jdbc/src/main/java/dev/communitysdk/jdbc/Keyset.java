package dev.communitysdk.jdbc;

import dev.communitysdk.spi.model.ListingCursor;
import java.time.Instant;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Keyset paging for listings ordered by (rank descending, id descending): the condition for the rows strictly after
 * a {@link ListingCursor}, with the cursor's rank (a double) converted back to the rank column's type.
 */
final class Keyset {
  private Keyset() {}

  /** After a cursor whose rank is a time in epoch microseconds, as the columns store it. */
  static Condition afterTime(Field<Instant> rank, Field<Long> id, ListingCursor cursor) {
    return after(rank, Times.fromEpochMicros(cursor.rank()), id, cursor.id());
  }

  /** After a cursor whose rank is a count or score: whole numbers well below 2^53, so the rank holds one exactly. */
  static Condition afterCount(Field<Long> rank, Field<Long> id, ListingCursor cursor) {
    return after(rank, (long) Math.floor(cursor.rank()), id, cursor.id());
  }

  /** After a cursor whose rank is the column's own double value. */
  static Condition afterValue(Field<Double> rank, Field<Long> id, ListingCursor cursor) {
    return after(rank, cursor.rank(), id, cursor.id());
  }

  /**
   * {@code rank < r or (rank = r and id < i)}, led by the redundant {@code rank <= r} so that every planner sees a
   * range on the index instead of filtering from the top of the listing.
   */
  private static <V> Condition after(Field<V> rank, V value, Field<Long> id, long lastId) {
    return rank.le(value).and(rank.lt(value).or(id.lt(lastId)));
  }
}
