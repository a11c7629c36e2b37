package dev.communitysdk.tck.db;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.communitysdk.tck.db.TableEmptier.Table;

/**
 * Test databases that are prepared once, such as by running migrations, and then reused empty, test after test: far
 * faster than creating and preparing a {@link TestDatabase} for every test, and just as isolated.
 *
 * <p>{@link #open(DatabaseEngine)} hands out a prepared database that no other open one shares: a database this pool
 * kept, or a new one that it prepares. Its {@link TestDatabase#close()} closes the data source, so that nothing of
 * the test can use the database any more, deletes every row of every table except the tables the preparation fills
 * (such as a migration tool's history table), and keeps the database for the next {@code open}. The tables come
 * from the database's catalog, so that a table a new migration adds is emptied too. A database whose set of tables
 * changed while it was open is dropped rather than kept. Identity counters are not reset: ids in a reused database
 * go on from where the previous test left them, so a test must never rely on the first id. The databases kept are
 * dropped when the JVM exits.
 *
 * <pre>{@code
 * private static final TestDatabasePool MIGRATED = TestDatabasePool.of(
 *     dataSource -> JooqCommunityStore.create(dataSource).migrate(), Set.of("cm_schema_history"));
 *
 * try (TestDatabase db = MIGRATED.open(DatabaseEngine.POSTGRESQL)) {
 *   CommunityStore store = JooqCommunityStore.create(db.dataSource());
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Keep one pool per preparation in a static field, so that all test classes of a JVM share it.
 */
public final class TestDatabasePool {
  private final Consumer<DataSource> preparation;
  private final Set<String> filledTables;
  /** The databases waiting for a test, by engine and server; the one used last comes out first. */
  private final ConcurrentMap<String, Deque<Prepared>> kept = new ConcurrentHashMap<>();

  private TestDatabasePool(Consumer<DataSource> preparation, Set<String> filledTables) {
    this.preparation = preparation;
    this.filledTables = filledTables;
    Runtime.getRuntime().addShutdownHook(new Thread(this::dropKept, "tck-database-pool"));
  }

  /**
   * @param preparation what makes a new, empty database ready for a test, such as running migrations; it must leave
   *     rows only in {@code filledTables}
   * @param filledTables the tables, by name in any case, whose rows the preparation writes and the tests leave alone,
   *     such as a migration tool's history table; they are never emptied
   * @return a pool that prepares its databases so
   */
  public static TestDatabasePool of(Consumer<DataSource> preparation, Set<String> filledTables) {
    requireNonNull(preparation, "preparation");
    Set<String> filled = requireNonNull(filledTables, "filledTables").stream()
        .map(table -> table.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    return new TestDatabasePool(preparation, filled);
  }

  /**
   * @param engine the database to open, its server taken from the engine's environment variable as in
   *     {@link TestDatabase#open(DatabaseEngine)}
   * @return an empty, prepared database that no other open database shares; close it when the test ends
   * @throws org.opentest4j.TestAbortedException if the engine needs a server and its variable is not set
   * @throws IllegalStateException if the server cannot be reached, or the preparation left rows in a table it does
   *     not fill
   */
  public TestDatabase open(DatabaseEngine engine) {
    requireNonNull(engine, "engine");
    String server = engine == DatabaseEngine.H2 ? "" : TestDatabase.serverUrl(engine);
    Deque<Prepared> shelf = kept.computeIfAbsent(engine + " " + server, key -> new ConcurrentLinkedDeque<>());
    Prepared next = shelf.pollFirst();
    Prepared prepared = next != null ? next : prepare(engine, server);
    return TestDatabase.attach(engine, prepared.name(), prepared.server(),
        database -> giveBack(database, prepared, shelf));
  }

  /** A prepared database: where it is, which tables it has, and which of them a test's rows go into. */
  private record Prepared(DatabaseEngine engine, String name, String server, Set<Table> tables, List<Table> emptied) {}

  private Prepared prepare(DatabaseEngine engine, String server) {
    TestDatabase database = TestDatabase.create(engine, server, preparedDatabase -> {
      // Kept: the pool hands it out through a data source of its own.
    });
    try {
      preparation.accept(database.dataSource());
      Prepared prepared;
      try (Connection connection = database.dataSource().getConnection()) {
        Set<Table> tables = TableEmptier.tables(connection, engine, database.name());
        List<Table> emptied = new ArrayList<>();
        for (Table table : tables) {
          if (filledTables.contains(table.name().toLowerCase(Locale.ROOT))) {
            continue;
          }
          if (TableEmptier.hasRows(connection, engine, table)) {
            throw new IllegalStateException("the preparation left rows in table " + table.name() + " of " + database
                + ", which the pool would delete after the first test: name the table among the filled tables");
          }
          emptied.add(table);
        }
        prepared = new Prepared(engine, database.name(), database.server(), Set.copyOf(tables), List.copyOf(emptied));
      }
      database.close();
      return prepared;
    } catch (SQLException | RuntimeException e) {
      database.close();
      try {
        database.drop();
      } catch (RuntimeException dropFailed) {
        e.addSuppressed(dropFailed);
      }
      throw e instanceof RuntimeException failure ? failure
          : new IllegalStateException("cannot read the catalog of " + database + ": " + e.getMessage(), e);
    }
  }

  /** Empties the database and keeps it for the next test, or drops it if its tables changed or emptying failed. */
  private static void giveBack(TestDatabase database, Prepared prepared, Deque<Prepared> shelf) {
    boolean reusable;
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
      reusable = TableEmptier.tables(connection, prepared.engine(), prepared.name()).equals(prepared.tables());
      if (reusable) {
        TableEmptier.deleteRows(connection, prepared.engine(), prepared.emptied());
      }
    } catch (SQLException | RuntimeException e) {
      try {
        database.drop();
      } catch (RuntimeException dropFailed) {
        e.addSuppressed(dropFailed);
      }
      throw new IllegalStateException("cannot empty " + database + " for the next test, so it was dropped: "
          + e.getMessage(), e);
    }
    if (reusable) {
      shelf.addFirst(prepared);
    } else {
      database.drop();
    }
  }

  /** Drops every database the pool keeps; the databases still open belong to tests that never closed them. */
  private void dropKept() {
    RuntimeException failure = null;
    for (Deque<Prepared> shelf : kept.values()) {
      for (Prepared prepared = shelf.pollFirst(); prepared != null; prepared = shelf.pollFirst()) {
        try {
          TestDatabase.drop(prepared.engine(), prepared.name(), prepared.server());
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
