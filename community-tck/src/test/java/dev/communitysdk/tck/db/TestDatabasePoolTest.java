package dev.communitysdk.tck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabasePoolTest {
  /** Two tables that reference each other, so that no order of deletes satisfies the foreign keys, and a history. */
  private static final TestDatabasePool CYCLIC = TestDatabasePool.of(dataSource -> execute(dataSource,
      "CREATE TABLE cm_parent (id INT PRIMARY KEY, child_id INT)",
      "CREATE TABLE cm_child (id INT PRIMARY KEY, parent_id INT NOT NULL,"
          + " CONSTRAINT cm_child_parent_fk FOREIGN KEY (parent_id) REFERENCES cm_parent (id))",
      "ALTER TABLE cm_parent ADD CONSTRAINT cm_parent_child_fk FOREIGN KEY (child_id) REFERENCES cm_child (id)",
      "CREATE TABLE cm_history (version INT PRIMARY KEY)",
      "INSERT INTO cm_history (version) VALUES (1)"), Set.of("CM_HISTORY"));

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void open_afterClose_reusesTheDatabaseEmptiedButForTheFilledTables(DatabaseEngine engine) throws Exception {
    String name;
    try (TestDatabase first = CYCLIC.open(engine)) {
      name = first.name();
      execute(first.dataSource(),
          "INSERT INTO cm_parent (id, child_id) VALUES (1, NULL)",
          "INSERT INTO cm_child (id, parent_id) VALUES (1, 1)",
          "UPDATE cm_parent SET child_id = 1 WHERE id = 1");
    }

    try (TestDatabase second = CYCLIC.open(engine)) {
      assertThat(second.name()).isEqualTo(name);
      assertThat(count(second, "cm_parent")).isZero();
      assertThat(count(second, "cm_child")).isZero();
      assertThat(count(second, "cm_history")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void open_whileAnotherIsOpen_givesADatabaseOfItsOwn(DatabaseEngine engine) throws Exception {
    try (TestDatabase first = CYCLIC.open(engine); TestDatabase second = CYCLIC.open(engine)) {
      execute(first.dataSource(), "INSERT INTO cm_parent (id, child_id) VALUES (1, NULL)");

      assertThat(second.name()).isNotEqualTo(first.name());
      assertThat(count(first, "cm_parent")).isEqualTo(1);
      assertThat(count(second, "cm_parent")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void close_afterTheTablesChanged_dropsTheDatabaseInsteadOfKeepingIt(DatabaseEngine engine) throws Exception {
    TestDatabase changed = CYCLIC.open(engine);
    execute(changed.dataSource(), "CREATE TABLE cm_extra (id INT PRIMARY KEY)");

    changed.close();

    assertThat(exists(changed)).isFalse();
    try (TestDatabase next = CYCLIC.open(engine)) {
      assertThat(next.name()).isNotEqualTo(changed.name());
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void open_preparationLeavesRowsInATableItDoesNotFill_failsNamingTheTable(DatabaseEngine engine) {
    if (engine.urlVariable().isPresent()) {
      TestDatabase.serverUrl(engine); // skips the test, with its reason, when the server's URL is not set
    }
    TestDatabasePool seeding = TestDatabasePool.of(dataSource -> execute(dataSource,
        "CREATE TABLE cm_seeded (id INT PRIMARY KEY)", "INSERT INTO cm_seeded (id) VALUES (1)"), Set.of());

    assertThatThrownBy(() -> seeding.open(engine))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the preparation left rows in table")
        .satisfies(failure -> assertThat(failure.getMessage()).containsIgnoringCase("cm_seeded"));
  }

  private static boolean exists(TestDatabase database) throws SQLException {
    if (database.engine() == DatabaseEngine.H2) {
      // IFEXISTS=TRUE refuses to create a database: connecting fails once the old one is gone.
      try (Connection ignored = DriverManager.getConnection("jdbc:h2:mem:" + database.name() + ";IFEXISTS=TRUE")) {
        return true;
      } catch (SQLException gone) {
        return false;
      }
    }
    try (Connection connection = DriverManager.getConnection(TestDatabase.serverUrl(database.engine()));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.schemata"
            + " WHERE schema_name = '" + database.name() + "'")) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  private static long count(TestDatabase database, String table) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(DataSource dataSource, String... statements) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
