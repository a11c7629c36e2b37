package dev.communitysdk.tck.db;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.tck.fixtures.ConnectionFault;

/**
 * A test database's data source whose connections the test can have killed by the database server in the middle of a
 * transaction: a real, abrupt failure, as when a server restarts or an administrator kills a session, not an exception
 * thrown by a mock. When the armed point is reached, another connection asks the server to end the victim's session
 * ({@code pg_terminate_backend} on PostgreSQL, {@code KILL CONNECTION} on MariaDB, {@code ABORT_SESSION} on H2) and
 * waits until the session is gone; then the victim's statement or commit runs, and fails as the driver reports it.
 *
 * <p>Points are recognised from the SQL the store prepares: {@link Point#BEFORE_EVENT_WRITE} is the first prepared
 * statement that inserts into {@code cm_outbox}, {@link Point#BEFORE_COMMIT} the next {@code commit()}. Thread-safe.
 */
public final class KillingDataSource implements DataSource, ConnectionFault {
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
  private static final String OUTBOX_INSERT = "insert into cm_outbox";

  private final TestDatabase database;
  private final DataSource delegate;
  private final AtomicReference<@Nullable Point> armed = new AtomicReference<>();
  private final AtomicInteger fired = new AtomicInteger();

  /**
   * @param database the database whose pooled connections this data source hands out
   */
  public KillingDataSource(TestDatabase database) {
    this.database = requireNonNull(database, "database");
    this.delegate = database.dataSource();
  }

  @Override
  public void arm(Point point) {
    armed.set(requireNonNull(point, "point"));
  }

  @Override
  public int fired() {
    return fired.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return watched(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return watched(delegate.getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return delegate.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return delegate.isWrapperFor(type);
  }

  private Connection watched(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Watcher(connection));
  }

  /** Disarms and kills when the call reaches the armed point. */
  private void beforeCall(Connection connection, Method method, Object @Nullable [] args) {
    Point point = armed.get();
    if (point == null) {
      return;
    }
    boolean reached = switch (point) {
      case BEFORE_COMMIT -> method.getName().equals("commit");
      case BEFORE_EVENT_WRITE -> method.getName().equals("prepareStatement") && args != null
          && args[0] instanceof String sql && sql.toLowerCase(Locale.ROOT).contains(OUTBOX_INSERT);
    };
    if (reached && armed.compareAndSet(point, null)) {
      kill(connection);
      fired.incrementAndGet();
    }
  }

  /** Fails with an unchecked exception of its own, so that a failed kill never passes for the victim's failure. */
  private void kill(Connection victim) {
    try {
      long session = session(victim);
      try (Connection killer = DriverManager.getConnection(database.jdbcUrl())) {
        switch (database.engine()) {
          case POSTGRESQL -> execute(killer, "SELECT pg_terminate_backend(CAST(? AS INTEGER))", session);
          case MARIADB -> execute(killer, "KILL CONNECTION ?", session);
          case H2 -> execute(killer, "CALL ABORT_SESSION(CAST(? AS INTEGER))", session);
        }
        awaitGone(killer, session);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not kill a connection to " + database + ": " + e.getMessage(), e);
    }
  }

  private long session(Connection victim) throws SQLException {
    String sql = switch (database.engine()) {
      case POSTGRESQL -> "SELECT pg_backend_pid()";
      case MARIADB -> "SELECT CONNECTION_ID()";
      case H2 -> "SELECT SESSION_ID()";
    };
    try (PreparedStatement statement = victim.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The server ends a killed session asynchronously; the victim's next call must find it gone. */
  private void awaitGone(Connection killer, long session) throws SQLException {
    String sql = switch (database.engine()) {
      case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?";
      case MARIADB -> "SELECT COUNT(*) FROM information_schema.processlist WHERE id = ?";
      case H2 -> "SELECT COUNT(*) FROM information_schema.sessions WHERE session_id = ?";
    };
    long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
    while (query(killer, sql, session) > 0) {
      if (System.nanoTime() > deadline) {
        throw new SQLException("session " + session + " outlived its kill");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while killing session " + session, e);
      }
    }
  }

  private static void execute(Connection connection, String sql, long session) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, session);
      statement.execute();
    }
  }

  private static long query(Connection connection, String sql, long session) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, session);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Passes every call through, after {@link #beforeCall} had its chance to kill the connection. */
  private final class Watcher implements InvocationHandler {
    private final Connection target;

    Watcher(Connection target) {
      this.target = target;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
      beforeCall(target, method, args);
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
