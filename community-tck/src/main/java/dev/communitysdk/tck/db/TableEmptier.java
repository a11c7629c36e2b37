package dev.communitysdk.tck.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Lists the tables of a test database from its catalog, and deletes their rows while keeping the tables.
 *
 * <p>Foreign keys never dictate an order, so that a new migration's tables need no list kept by hand: MariaDB and H2
 * switch their checks off for the deletion, and PostgreSQL deletes from every table in one statement, whose foreign
 * keys it checks only at the statement's end, when the referencing rows are gone too. Identity counters go on where
 * they were: resetting them costs MariaDB a table rebuild, and no test may rely on the first id anyway.
 */
final class TableEmptier {
  private TableEmptier() {}

  /** One table: its schema (the database, on MariaDB) and name, as the catalog spells them. */
  record Table(String schema, String name) {}

  /** @return every base table of the test database that {@code name} names */
  static Set<Table> tables(Connection connection, DatabaseEngine engine, String name) throws SQLException {
    String sql = switch (engine) {
      case POSTGRESQL -> "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p')";
      case MARIADB -> "SELECT table_schema, table_name FROM information_schema.tables"
          + " WHERE table_schema = ? AND table_type = 'BASE TABLE'";
      // An in-memory H2 database belongs to one test database as a whole, whatever its schemas.
      case H2 -> "SELECT table_schema, table_name FROM information_schema.tables"
          + " WHERE table_schema <> 'INFORMATION_SCHEMA' AND table_type = 'BASE TABLE' AND ? IS NOT NULL";
    };
    Set<Table> tables = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(new Table(rows.getString(1), rows.getString(2)));
        }
      }
    }
    return tables;
  }

  /** @return whether the table holds at least one row */
  static boolean hasRows(Connection connection, DatabaseEngine engine, Table table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + qualified(engine, table))) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  /** Deletes every row of the tables, in one transaction. */
  static void deleteRows(Connection connection, DatabaseEngine engine, Collection<Table> tables)
      throws SQLException {
    if (tables.isEmpty()) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      switch (engine) {
        case POSTGRESQL -> {
          List<Table> ordered = List.copyOf(tables);
          statement.execute(IntStream.range(0, ordered.size())
              .mapToObj(i -> "d" + i + " AS (DELETE FROM " + qualified(engine, ordered.get(i)) + ")")
              .collect(Collectors.joining(", ", "WITH ", " SELECT 1")));
        }
        case MARIADB -> inTransaction(connection, statement, tables, engine,
            "SET FOREIGN_KEY_CHECKS = 0", "SET FOREIGN_KEY_CHECKS = 1");
        // H2's switch holds for the whole database, which only this connection uses now.
        case H2 -> inTransaction(connection, statement, tables, engine,
            "SET REFERENTIAL_INTEGRITY FALSE", "SET REFERENTIAL_INTEGRITY TRUE");
      }
    }
  }

  private static void inTransaction(Connection connection, Statement statement, Collection<Table> tables,
      DatabaseEngine engine, String checksOff, String checksOn) throws SQLException {
    statement.execute(checksOff);
    try {
      connection.setAutoCommit(false);
      for (Table table : tables) {
        statement.addBatch("DELETE FROM " + qualified(engine, table));
      }
      statement.executeBatch();
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
      statement.execute(checksOn);
    }
  }

  private static String qualified(DatabaseEngine engine, Table table) {
    return quoted(engine, table.schema()) + "." + quoted(engine, table.name());
  }

  private static String quoted(DatabaseEngine engine, String identifier) {
    String quote = engine == DatabaseEngine.MARIADB ? "`" : "\"";
    return quote + identifier.replace(quote, quote + quote) + quote;
  }
}
