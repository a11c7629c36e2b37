package dev.communitysdk.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Adds amounts to one row of a rollup table (per-day sums such as {@code cm_reputation_rollup} or
 * {@code cm_sentiment_day}), creating the row on first use.
 *
 * <p>{@code UPDATE ... SET x = x + ?} first and, when that found no row, an {@code INSERT}. Two transactions inserting
 * the same row race on its key: the loser's insert waits for the winner and then fails with a unique violation, which
 * the store reports as a {@link dev.communitysdk.spi.error.DuplicateKeyException} (H2 may report a lock timeout, which
 * is transient), and core runs the whole command again, which then finds the row. On MariaDB the loser's UPDATE
 * usually waits on the winner's new row and then adds to it, so the race is not lost at all, or both lose a gap-lock
 * deadlock, which is transient too. No engine-specific upsert: MariaDB's {@code INSERT IGNORE} hides other errors,
 * H2's {@code MERGE} is not race-safe.
 */
final class Rollups {
  private Rollups() {}

  /**
   * @param table the rollup table
   * @param key the row's key columns and their values, all of its primary key
   * @param amounts what to add to each counter column; also the counters' values when the row is new
   * @return the number of rows written, 1
   */
  static int add(DSLContext dsl, Table<?> table, Map<? extends Field<?>, ?> key,
      Map<? extends Field<? extends Number>, ? extends Number> amounts) {
    List<Condition> where = new ArrayList<>(key.size());
    key.forEach((column, value) -> where.add(equal(column, value)));
    Map<Field<?>, Field<?>> increments = new LinkedHashMap<>();
    amounts.forEach((column, amount) -> increments.put(column, column.plus(amount)));
    int updated = dsl.update(table).set(increments).where(where).execute();
    if (updated > 0) {
      return updated;
    }
    Map<Field<?>, Object> row = new LinkedHashMap<>(key);
    row.putAll(amounts);
    return dsl.insertInto(table).set(row).execute();
  }

  private static <T> Condition equal(Field<T> column, Object value) {
    return column.eq(DSL.val(value, column));
  }
}
