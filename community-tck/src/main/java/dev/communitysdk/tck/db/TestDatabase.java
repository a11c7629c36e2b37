package dev.communitysdk.tck.db;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.communitysdk.jdbc.H2ConnectionEviction;

/**
 * A fresh, empty, isolated database for one test (or one test class), dropped on {@link #close()}.
 *
 * <p>Isolation differs by engine, so that tests on one server never see each other, even from parallel builds: H2
 * gets a new in-memory database, PostgreSQL a new schema ({@code CREATE SCHEMA}, with connections whose
 * {@code currentSchema} is that schema), MariaDB a new database ({@code CREATE DATABASE}). Names are random
 * ({@code tck_} and 16 hex digits).
 *
 * <p>PostgreSQL and MariaDB servers come from environment variables holding full JDBC URLs, user included (see
 * {@link DatabaseEngine#urlVariable()}). When a variable is unset, the test is aborted with a reason that names it,
 * never skipped silently; when it is set but the server cannot be reached, the test fails. The JDBC driver must be
 * on the test class path.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.postgresql()) {
 *   CommunityStore store = JooqCommunityStore.create(db.dataSource());
 *   ...
 * }
 * }</pre>
 *
 * <p>The data source is a small HikariCP pool (up to 20 connections, enough for the contract's 16 concurrent
 * threads), which discards connections H2 reports broken, as {@code CommunityDataSources.hikari} does. Thread-safe.
 */
public final class TestDatabase implements AutoCloseable {
  private static final int POOL_SIZE = 20;

  private final DatabaseEngine engine;
  private final String name;
  private final String serverUrl;
  private final String jdbcUrl;
  private final HikariDataSource dataSource;

  private TestDatabase(DatabaseEngine engine, String name, String serverUrl, String jdbcUrl) {
    this.engine = engine;
    this.name = name;
    this.serverUrl = serverUrl;
    this.jdbcUrl = jdbcUrl;
    this.dataSource = pool(name, jdbcUrl);
  }

  /** @return a new in-memory H2 database; always available */
  public static TestDatabase h2() {
    String name = randomName();
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    return new TestDatabase(DatabaseEngine.H2, name, url, url);
  }

  /**
   * @return a new schema on the PostgreSQL server that {@code COMMUNITY_TEST_POSTGRES_URL} names
   * @throws org.opentest4j.TestAbortedException if the variable is not set
   * @throws IllegalStateException if the server cannot be reached or refuses to create the schema
   */
  public static TestDatabase postgresql() {
    return postgresql(serverUrl(DatabaseEngine.POSTGRESQL));
  }

  /**
   * @param serverUrl a JDBC URL of a PostgreSQL database, user included, whose user may create schemas
   * @return a new schema in that database
   * @throws IllegalStateException if the server cannot be reached or refuses to create the schema
   */
  public static TestDatabase postgresql(String serverUrl) {
    requireNonNull(serverUrl, "serverUrl");
    String name = randomName();
    execute(DatabaseEngine.POSTGRESQL, serverUrl, "CREATE SCHEMA " + name);
    String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    return created(DatabaseEngine.POSTGRESQL, name, serverUrl, url);
  }

  /**
   * @return a new database on the MariaDB server that {@code COMMUNITY_TEST_MARIADB_URL} names
   * @throws org.opentest4j.TestAbortedException if the variable is not set
   * @throws IllegalStateException if the server cannot be reached or refuses to create the database
   */
  public static TestDatabase mariadb() {
    return mariadb(serverUrl(DatabaseEngine.MARIADB));
  }

  /**
   * @param serverUrl a JDBC URL of a MariaDB server, user included, whose user may create databases
   * @return a new database on that server
   * @throws IllegalStateException if the server cannot be reached or refuses to create the database
   */
  public static TestDatabase mariadb(String serverUrl) {
    requireNonNull(serverUrl, "serverUrl");
    String name = randomName();
    execute(DatabaseEngine.MARIADB, serverUrl, "CREATE DATABASE " + name);
    return created(DatabaseEngine.MARIADB, name, serverUrl, withDatabase(serverUrl, name));
  }

  /**
   * @param engine the database to open
   * @return a new database of that engine, its server taken from the engine's environment variable
   * @throws org.opentest4j.TestAbortedException if the engine needs a server and its variable is not set
   */
  public static TestDatabase open(DatabaseEngine engine) {
    return switch (requireNonNull(engine, "engine")) {
      case H2 -> h2();
      case POSTGRESQL -> postgresql();
      case MARIADB -> mariadb();
    };
  }

  /** @return the engine this database runs on */
  public DatabaseEngine engine() {
    return engine;
  }

  /** @return the name of the schema (PostgreSQL), database (MariaDB) or in-memory database (H2) */
  public String name() {
    return name;
  }

  /** @return a JDBC URL whose connections land in this database, for tools that want a URL (may hold a password) */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** @return a pooled data source whose connections land in this database; closed by {@link #close()} */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Closes the pool and drops the database with everything in it.
   *
   * @throws IllegalStateException if the drop fails
   */
  @Override
  public void close() {
    dataSource.close();
    switch (engine) {
      // DB_CLOSE_DELAY=-1 keeps an in-memory H2 database alive without connections, until SHUTDOWN.
      case H2 -> execute(engine, serverUrl, "SHUTDOWN");
      case POSTGRESQL -> execute(engine, serverUrl, "DROP SCHEMA " + name + " CASCADE");
      case MARIADB -> execute(engine, serverUrl, "DROP DATABASE " + name);
    }
  }

  @Override
  public String toString() {
    return "TestDatabase[" + engine + " " + name + " at " + redact(serverUrl) + "]";
  }

  /** Reads the engine's variable; a URL that is missing aborts the test with a reason instead of skipping it. */
  static String serverUrl(DatabaseEngine engine) {
    String variable = engine.urlVariable().orElseThrow(
        () -> new IllegalArgumentException(engine + " needs no server URL"));
    Optional<String> url = Optional.ofNullable(System.getenv(variable))
        .map(String::strip)
        // Maven passes an unresolved ${env.X} through literally when X is unset: that is unset too.
        .filter(value -> !value.isEmpty() && !value.startsWith("${"));
    if (url.isEmpty()) {
      Assumptions.abort(variable + " is not set, so the " + engine + " tests cannot run: set it to a JDBC URL "
          + "with the user, such as " + engine.exampleUrl().orElseThrow());
    }
    return url.orElseThrow();
  }

  /** Replaces the database in a MariaDB URL, {@code jdbc:mariadb://host:port/db?options}, keeping the options. */
  static String withDatabase(String url, String database) {
    int hosts = url.indexOf("//");
    if (hosts < 0) {
      throw new IllegalArgumentException("not a MariaDB JDBC URL (no //host): " + redact(url));
    }
    int query = url.indexOf('?', hosts);
    int end = query < 0 ? url.length() : query;
    int path = url.indexOf('/', hosts + 2);
    int hostsEnd = path < 0 || path > end ? end : path;
    return url.substring(0, hostsEnd) + "/" + database + url.substring(end);
  }

  /** @return the URL with any password replaced, for messages */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static TestDatabase created(DatabaseEngine engine, String name, String serverUrl, String url) {
    try {
      return new TestDatabase(engine, name, serverUrl, url);
    } catch (RuntimeException poolFailed) {
      // The database exists already: drop it, so that a failed start leaves nothing behind on the server.
      try {
        execute(engine, serverUrl, engine == DatabaseEngine.POSTGRESQL
            ? "DROP SCHEMA " + name + " CASCADE"
            : "DROP DATABASE " + name);
      } catch (RuntimeException dropFailed) {
        poolFailed.addSuppressed(dropFailed);
      }
      throw poolFailed;
    }
  }

  private static HikariDataSource pool(String name, String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("tck-" + name);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(POOL_SIZE);
    // Connections open on demand: most tests need one or two, the concurrency tests up to the pool size.
    config.setMinimumIdle(0);
    // As CommunityDataSources.hikari does: HikariCP would otherwise keep a connection H2 reports broken.
    config.setExceptionOverride(new H2ConnectionEviction());
    return new HikariDataSource(config);
  }

  private static void execute(DatabaseEngine engine, String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      String source = engine.urlVariable().map(v -> " (check " + v + ")").orElse("");
      throw new IllegalStateException("cannot run \"" + sql + "\" on " + engine + " at " + redact(url) + source
          + ": " + e.getMessage(), e);
    }
  }

  private static String randomName() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "tck_" + HexFormat.of().formatHex(bytes);
  }
}
