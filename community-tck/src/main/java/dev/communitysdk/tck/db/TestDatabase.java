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
 * threads), which discards connections H2 reports broken, as {@code CommunityDataSources.hikari} does. On PostgreSQL
 * its connections commit without waiting for the disk ({@code synchronous_commit = off}): a crash of the server could
 * lose the last commits of a test database, which nobody keeps, and everything a test can observe stays the same.
 * Thread-safe.
 *
 * <p>A suite that prepares every database the same way, such as by running migrations, gets them faster from a
 * {@link TestDatabasePool}: its databases are prepared once, and emptied instead of dropped when closed.
 */
public final class TestDatabase implements AutoCloseable {
  private static final int POOL_SIZE = 20;

  private final DatabaseEngine engine;
  private final String name;
  private final String serverUrl;
  private final String jdbcUrl;
  private final HikariDataSource dataSource;
  private final Disposal disposal;

  private TestDatabase(DatabaseEngine engine, String name, String serverUrl, Disposal disposal) {
    this.engine = engine;
    this.name = name;
    this.serverUrl = serverUrl;
    this.jdbcUrl = switch (engine) {
      case H2 -> serverUrl;
      case POSTGRESQL -> serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
      case MARIADB -> withDatabase(serverUrl, name);
    };
    this.disposal = disposal;
    this.dataSource = pool(engine, name, jdbcUrl);
  }

  /** What {@link #close()} does with the database once the data source is closed. */
  @FunctionalInterface
  interface Disposal {
    /** @param database the database whose data source was just closed */
    void dispose(TestDatabase database);
  }

  /** @return a new in-memory H2 database; always available */
  public static TestDatabase h2() {
    return create(DatabaseEngine.H2, "", TestDatabase::drop);
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
    return create(DatabaseEngine.POSTGRESQL, serverUrl, TestDatabase::drop);
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
    return create(DatabaseEngine.MARIADB, serverUrl, TestDatabase::drop);
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
   * Closes the data source, so that nothing can use the database any more, then drops the database with everything
   * in it; a database from a {@link TestDatabasePool} is emptied and handed back to its pool instead.
   *
   * @throws IllegalStateException if the drop fails, or the pool could not empty the database (it is dropped then)
   */
  @Override
  public void close() {
    dataSource.close();
    disposal.dispose(this);
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

  /**
   * Creates a database with a new name and opens a data source on it.
   *
   * @param serverUrl the server's URL; ignored for H2, whose URL names the database
   * @param disposal what {@link #close()} does with the database
   */
  static TestDatabase create(DatabaseEngine engine, String serverUrl, Disposal disposal) {
    String name = randomName();
    String server = switch (engine) {
      // An in-memory H2 database comes into being with its first connection.
      case H2 -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
      case POSTGRESQL -> {
        execute(engine, serverUrl, "CREATE SCHEMA " + name);
        yield serverUrl;
      }
      case MARIADB -> {
        execute(engine, serverUrl, "CREATE DATABASE " + name);
        yield serverUrl;
      }
    };
    return attach(engine, name, server, disposal);
  }

  /**
   * Opens a data source on a database that exists already; drops the database if the data source cannot start, so
   * that a failed start leaves nothing behind on the server.
   *
   * @param serverUrl the server's URL, or for H2 the database's own URL
   * @param disposal what {@link #close()} does with the database
   */
  static TestDatabase attach(DatabaseEngine engine, String name, String serverUrl, Disposal disposal) {
    try {
      return new TestDatabase(engine, name, serverUrl, disposal);
    } catch (RuntimeException poolFailed) {
      try {
        drop(engine, name, serverUrl);
      } catch (RuntimeException dropFailed) {
        poolFailed.addSuppressed(dropFailed);
      }
      throw poolFailed;
    }
  }

  /**
   * Drops the database with everything in it; its data source must be closed already.
   *
   * @throws IllegalStateException if the drop fails
   */
  void drop() {
    drop(engine, name, serverUrl);
  }

  /** @return the server's URL; for H2, the database's own URL */
  String server() {
    return serverUrl;
  }

  /**
   * Drops a database by name; nothing may use it any more.
   *
   * @param serverUrl the server's URL, or for H2 the database's own URL
   * @throws IllegalStateException if the drop fails
   */
  static void drop(DatabaseEngine engine, String name, String serverUrl) {
    switch (engine) {
      // DB_CLOSE_DELAY=-1 keeps an in-memory H2 database alive without connections, until SHUTDOWN.
      case H2 -> execute(engine, serverUrl, "SHUTDOWN");
      case POSTGRESQL -> execute(engine, serverUrl, "DROP SCHEMA " + name + " CASCADE");
      case MARIADB -> execute(engine, serverUrl, "DROP DATABASE " + name);
    }
  }

  private static HikariDataSource pool(DatabaseEngine engine, String name, String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("tck-" + name);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(POOL_SIZE);
    // Connections open on demand: most tests need one or two, the concurrency tests up to the pool size.
    config.setMinimumIdle(0);
    // As CommunityDataSources.hikari does: HikariCP would otherwise keep a connection H2 reports broken.
    config.setExceptionOverride(new H2ConnectionEviction());
    if (engine == DatabaseEngine.POSTGRESQL) {
      // A commit need not wait for its WAL flush: what other transactions see, and when, stays the same, but the
      // contract's hot-row concurrency tests no longer queue up behind one disk flush per commit.
      config.setConnectionInitSql("SET synchronous_commit = off");
    }
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
