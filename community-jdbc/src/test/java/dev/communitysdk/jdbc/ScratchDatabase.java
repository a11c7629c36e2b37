package dev.communitysdk.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway database for one test class: a fresh in-memory H2 database, or a fresh schema (PostgreSQL) or database
 * (MariaDB) on the server named by an environment variable, dropped again on close.
 */
final class ScratchDatabase implements AutoCloseable {
  static final String POSTGRES_URL = "COMMUNITY_TEST_POSTGRES_URL";
  static final String MARIADB_URL = "COMMUNITY_TEST_MARIADB_URL";

  private final DataSource dataSource;
  private final Runnable drop;

  private ScratchDatabase(DataSource dataSource, Runnable drop) {
    this.dataSource = dataSource;
    this.drop = drop;
  }

  static ScratchDatabase h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:cm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new ScratchDatabase(h2, () -> execute(h2, "SHUTDOWN"));
  }

  /** Skips the calling test class, naming the variable, when the server's URL is not set. */
  static ScratchDatabase postgres() {
    String url = urlFrom(POSTGRES_URL);
    String schema = scratchName();
    execute(url, "CREATE SCHEMA " + schema);
    return new ScratchDatabase(
        new ScopedDataSource(url, schema, false), () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /** Skips the calling test class, naming the variable, when the server's URL is not set. */
  static ScratchDatabase mariaDb() {
    String url = urlFrom(MARIADB_URL);
    String database = scratchName();
    execute(url, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
    return new ScratchDatabase(
        new ScopedDataSource(url, database, true), () -> execute(url, "DROP DATABASE " + database));
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    drop.run();
  }

  private static String urlFrom(String variable) {
    String url = System.getenv(variable);
    Assumptions.assumeTrue(url != null && !url.isBlank(),
        variable + " is not set: set it to a JDBC URL with the user (such as jdbc:postgresql://127.0.0.1:5432/test"
            + "?user=postgres) to run this suite");
    return url;
  }

  private static String scratchName() {
    return "cm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  private static void execute(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /** Hands out connections whose current schema (PostgreSQL) or database (MariaDB) is the scratch one. */
  private record ScopedDataSource(String url, String scope, boolean catalog) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = DriverManager.getConnection(url);
      if (catalog) {
        connection.setCatalog(scope);
      } else {
        connection.setSchema(scope);
      }
      return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return new PrintWriter(System.err);
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
