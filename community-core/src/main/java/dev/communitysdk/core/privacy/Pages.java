package dev.communitysdk.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks a keyset-paged store listing to its end: each page after the cursor of the previous page's last row. */
final class Pages {
  private Pages() {}

  /**
   * @param size the page size asked for; a shorter page is the last
   * @param page the page after a cursor
   * @param cursorOf the cursor a row ends its page at
   * @param action what to do with each row, in listing order
   */
  static <T, C> void forEach(int size, Function<Optional<C>, List<T>> page, Function<T, C> cursorOf,
      Consumer<T> action) {
    Optional<C> after = Optional.empty();
    while (true) {
      List<T> rows = page.apply(after);
      rows.forEach(action);
      if (rows.size() < size) {
        return;
      }
      after = Optional.of(cursorOf.apply(rows.get(rows.size() - 1)));
    }
  }

  /** @return every row of the listing, in listing order; see {@link #forEach} */
  static <T, C> List<T> all(int size, Function<Optional<C>, List<T>> page, Function<T, C> cursorOf) {
    List<T> rows = new ArrayList<>();
    forEach(size, page, cursorOf, rows::add);
    return rows;
  }
}
