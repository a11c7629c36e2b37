package dev.communitysdk.tck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseTest {
  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void open_eachEngine_givesAnEmptyDatabaseOthersCannotSee(DatabaseEngine engine) throws Exception {
    try (TestDatabase first = TestDatabase.open(engine); TestDatabase second = TestDatabase.open(engine)) {
      execute(first, "CREATE TABLE cm_probe (id INT PRIMARY KEY)");
      execute(first, "INSERT INTO cm_probe (id) VALUES (42)");

      assertThat(first.engine()).isEqualTo(engine);
      assertThat(first.name()).matches("tck_[0-9a-f]{16}").isNotEqualTo(second.name());
      assertThat(count(first, "SELECT COUNT(*) FROM cm_probe")).isEqualTo(1);
      assertThatThrownBy(() -> count(second, "SELECT COUNT(*) FROM cm_probe")).isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(value = DatabaseEngine.class, names = {"POSTGRESQL", "MARIADB"})
  void close_serverEngine_dropsTheDatabase(DatabaseEngine engine) throws Exception {
    TestDatabase database = TestDatabase.open(engine);
    String name = database.name();
    String serverUrl = TestDatabase.serverUrl(engine);
    String exists = engine == DatabaseEngine.POSTGRESQL
        ? "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'"
        : "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'";
    assertThat(countAt(serverUrl, exists)).isEqualTo(1);

    database.close();

    assertThat(countAt(serverUrl, exists)).isZero();
  }

  @Test
  void close_h2_dropsTheInMemoryDatabase() throws Exception {
    TestDatabase database = TestDatabase.h2();
    execute(database, "CREATE TABLE cm_probe (id INT PRIMARY KEY)");

    database.close();

    // IFEXISTS=TRUE refuses to create a database: connecting fails once the old one is gone.
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:mem:" + database.name() + ";IFEXISTS=TRUE"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void postgresql_unreachableServer_failsNamingTheVariable() {
    assertThatThrownBy(() -> TestDatabase.postgresql("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CREATE SCHEMA")
        .hasMessageContaining("COMMUNITY_TEST_POSTGRES_URL")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void mariadb_unreachableServer_failsNamingTheVariable() {
    assertThatThrownBy(() -> TestDatabase.mariadb("jdbc:mariadb://127.0.0.1:1/test?user=root"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CREATE DATABASE")
        .hasMessageContaining("COMMUNITY_TEST_MARIADB_URL");
  }

  @Test
  void withDatabase_replacesOnlyTheDatabase() {
    assertThat(TestDatabase.withDatabase("jdbc:mariadb://127.0.0.1:3306/test?user=root", "tck_1"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/tck_1?user=root");
    assertThat(TestDatabase.withDatabase("jdbc:mariadb://db1:3306,db2:3306?user=root", "tck_1"))
        .isEqualTo("jdbc:mariadb://db1:3306,db2:3306/tck_1?user=root");
    assertThat(TestDatabase.withDatabase("jdbc:mariadb://localhost/test", "tck_1"))
        .isEqualTo("jdbc:mariadb://localhost/tck_1");
  }

  private static void execute(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(TestDatabase database, String sql) throws Exception {
    return query(() -> database.dataSource().getConnection(), sql);
  }

  private static long countAt(String url, String sql) throws Exception {
    return query(() -> DriverManager.getConnection(url), sql);
  }

  private static long query(Callable<Connection> connect, String sql) throws Exception {
    try (Connection connection = connect.call();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
