package dev.communitysdk.jdbc;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;

/**
 * Reads back a counter that an atomic {@code x = x + ?} update just moved. MariaDB has no {@code UPDATE ... RETURNING},
 * so every engine does the same two statements: the UPDATE holds the row lock until commit, so the read in the same
 * transaction sees exactly the value the update produced.
 */
final class Counters {
  private Counters() {}

  /**
   * @param updated the row count of the update
   * @return the counter's value, or empty when the update found no row
   */
  static <R extends Record> Optional<Long> readBack(
      DSLContext dsl, int updated, TableField<R, Long> counter, TableField<R, Long> id, long key) {
    if (updated == 0) {
      return Optional.empty();
    }
    return Optional.of(dsl.select(counter).from(counter.getTable()).where(id.eq(key)).fetchSingle().value1());
  }
}
