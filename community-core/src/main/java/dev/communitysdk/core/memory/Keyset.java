package dev.communitysdk.core.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import dev.communitysdk.spi.model.ListingCursor;

/**
 * The keyset-paged order the listings of topics, ideas and reviews share: rank descending, then id descending, each
 * page strictly after the cursor where the previous one ended. Ranks compare numerically, as SQL compares the rank
 * column: unlike {@link Double#compare}, -0.0 and 0.0 are one rank.
 *
 * @param <T> the listed row
 */
final class Keyset<T> {
  private final ToDoubleFunction<T> rank;
  private final ToLongFunction<T> id;

  /**
   * @param rank the row's sort key in the listing's order
   * @param id the row's id, which breaks ties
   */
  Keyset(ToDoubleFunction<T> rank, ToLongFunction<T> id) {
    this.rank = rank;
    this.id = id;
  }

  /** @return at most {@code limit} of the rows strictly after the cursor, in the listing's order */
  List<T> page(Stream<T> rows, Optional<ListingCursor> after, int limit) {
    Comparator<T> order = (a, b) -> {
      int byRank = compareRanks(rank.applyAsDouble(b), rank.applyAsDouble(a));
      return byRank != 0 ? byRank : Long.compare(id.applyAsLong(b), id.applyAsLong(a));
    };
    return rows
        .filter(row -> after.map(cursor -> isAfter(row, cursor)).orElse(true))
        .sorted(order)
        .limit(limit)
        .toList();
  }

  /** @return whether the row comes strictly after the cursor in (rank descending, id descending) order */
  private boolean isAfter(T row, ListingCursor cursor) {
    int byRank = compareRanks(rank.applyAsDouble(row), cursor.rank());
    return byRank < 0 || (byRank == 0 && id.applyAsLong(row) < cursor.id());
  }

  private static int compareRanks(double a, double b) {
    return a < b ? -1 : (a > b ? 1 : 0);
  }
}
