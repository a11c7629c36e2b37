package dev.communitysdk.core.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * One sorted table of immutable rows whose writes are undone when their transaction rolls back. Only touched while
 * the store's transaction lock is held, so a plain {@link TreeMap} is enough.
 *
 * @param <K> the primary key, whose natural order is the table's order
 * @param <V> the row, an immutable record
 */
final class Table<K extends Comparable<? super K>, V> {
  private final InMemoryTransactor transactor;
  private final NavigableMap<K, V> rows = new TreeMap<>();

  Table(InMemoryTransactor transactor) {
    this.transactor = transactor;
  }

  Optional<V> get(K key) {
    return Optional.ofNullable(rows.get(key));
  }

  boolean contains(K key) {
    return rows.containsKey(key);
  }

  /** Inserts or replaces the row, remembering the row it replaced. */
  void put(K key, V row) {
    @Nullable V previous = rows.put(key, row);
    transactor.onRollback(() -> restore(key, previous));
  }

  /**
   * Replaces the row with its changed copy when it exists and meets the condition, as a conditional SQL update.
   *
   * @return whether the row was changed
   */
  boolean update(K key, Predicate<V> condition, UnaryOperator<V> change) {
    Optional<V> current = get(key).filter(condition);
    current.ifPresent(row -> put(key, change.apply(row)));
    return current.isPresent();
  }

  /** @return whether a row was removed */
  boolean remove(K key) {
    @Nullable V previous = rows.remove(key);
    if (previous == null) {
      return false;
    }
    transactor.onRollback(() -> rows.put(key, previous));
    return true;
  }

  /** @return the rows in key order; a read-only view, valid while the lock is held */
  Collection<V> rows() {
    return Collections.unmodifiableCollection(rows.values());
  }

  /** @return the rows with keys from {@code from} (inclusive) to {@code to} (exclusive), in key order */
  Collection<V> range(K from, K to) {
    return Collections.unmodifiableCollection(rows.subMap(from, true, to, false).values());
  }

  /** @return a copy of the keys from {@code from} (inclusive) to {@code to} (exclusive), in key order */
  List<K> keys(K from, K to) {
    return List.copyOf(rows.subMap(from, true, to, false).keySet());
  }

  /** @return the rows with keys from {@code first} (inclusive) on, in key order */
  Collection<V> from(K first) {
    return Collections.unmodifiableCollection(rows.tailMap(first, true).values());
  }

  /** @return the rows with keys above {@code after}, in key order */
  Collection<V> after(K after) {
    return Collections.unmodifiableCollection(rows.tailMap(after, false).values());
  }

  /** @return the rows with keys below {@code before}, in descending key order */
  Collection<V> before(K before) {
    return Collections.unmodifiableCollection(rows.headMap(before, false).descendingMap().values());
  }

  private void restore(K key, @Nullable V previous) {
    if (previous == null) {
      rows.remove(key);
    } else {
      rows.put(key, previous);
    }
  }
}
