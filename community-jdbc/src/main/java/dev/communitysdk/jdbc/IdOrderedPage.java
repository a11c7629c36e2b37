package dev.communitysdk.jdbc;

import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.RecordMapper;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * The keyset page most listings of the stores serve: a table's rows that meet a condition, id ascending, after the last
 * id of the previous page. The table's primary key index serves the order; the caller checks the limit.
 */
final class IdOrderedPage {
  private IdOrderedPage() {}

  /**
   * @param dsl the transaction's context
   * @param table the table
   * @param id its id column
   * @param condition what the rows must meet
   * @param afterId the last id of the previous page, if any
   * @param limit the page size, already checked
   * @param mapper makes a value of a row
   * @return at most {@code limit} values of the rows meeting the condition with ids above {@code afterId}, by id
   */
  static <R extends TableRecord<R>, T> List<T> fetch(DSLContext dsl, Table<R> table, Field<Long> id,
      Condition condition, Optional<Long> afterId, int limit, RecordMapper<? super R, T> mapper) {
    return dsl.selectFrom(table)
        .where(afterId.map(after -> condition.and(id.gt(after))).orElse(condition))
        .orderBy(id)
        .limit(limit)
        .fetch(mapper);
  }
}
