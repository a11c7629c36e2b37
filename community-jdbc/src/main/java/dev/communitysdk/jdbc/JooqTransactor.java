package dev.communitysdk.jdbc;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.storage.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-bound JDBC transactions. The outermost {@link #inTransaction} borrows one connection from the host's
 * {@link DataSource}, turns auto-commit off, and binds the connection to the thread; nested calls and every store
 * call on that thread join it. One shared {@link DSLContext} reads the bound connection, so stores never see the
 * connection or open one of their own.
 *
 * <p>Every transaction runs at READ COMMITTED, the default of H2 and PostgreSQL. MariaDB's default, REPEATABLE READ,
 * is set aside for the transaction and restored afterwards: core locks a row ({@code SELECT … FOR UPDATE}) and then
 * counts or sums other rows with plain reads, and under REPEATABLE READ those reads would see the snapshot taken at the
 * transaction's first read, before the lock was granted, missing what the lock's previous holder committed.
 *
 * <p>A plain thread-local rather than jOOQ's {@code ThreadLocalTransactionProvider}: joining (not savepoints) is the
 * contract, and owning commit and rollback lets commit failures be translated like any other.
 */
final class JooqTransactor implements Transactor {
  private static final Logger LOG = LoggerFactory.getLogger(JooqTransactor.class);

  private final DataSource dataSource;
  /** Marks a connection whose isolation level the transaction left as it found it. */
  private static final int UNCHANGED = -1;

  private final ThreadLocal<@Nullable Connection> current = new ThreadLocal<>();
  private final DSLContext dsl;
  private final boolean setReadCommitted;

  JooqTransactor(DataSource dataSource, SQLDialect dialect, Settings settings) {
    this.dataSource = dataSource;
    this.setReadCommitted = dialect.family() == SQLDialect.MARIADB || dialect.family() == SQLDialect.MYSQL;
    this.dsl = DSL.using(new DefaultConfiguration()
        .set(new BoundConnectionProvider())
        .set(dialect)
        .set(settings));
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    requireNonNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = begin();
    int isolation = readCommitted(connection);
    current.set(connection);
    try {
      T result = work.get();
      commit(connection);
      return result;
    } catch (Throwable failure) {
      // Throwable, so that even a sneakily thrown checked exception rolls back; precise rethrow keeps it unchecked.
      rollback(connection, failure);
      throw failure;
    } finally {
      current.remove();
      release(connection, isolation);
    }
  }

  /**
   * Runs one store operation in the caller's transaction, or in a transaction of its own when there is none, and
   * translates its failures.
   *
   * @param operation what the operation does, for messages; for inserts it names the unique key
   */
  <T> T call(String operation, Function<DSLContext, T> action) {
    return inTransaction(() -> {
      try {
        return action.apply(dsl);
      } catch (DataAccessException e) {
        throw StorageErrors.translate(operation, e);
      }
    });
  }

  private Connection begin() {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw StorageErrors.translate("open a connection", e);
    }
    try {
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      release(connection, UNCHANGED);
      throw StorageErrors.translate("begin a transaction", e);
    }
  }

  /** @return the isolation level to restore on release, or {@link #UNCHANGED} */
  private int readCommitted(Connection connection) {
    if (!setReadCommitted) {
      return UNCHANGED;
    }
    try {
      int previous = connection.getTransactionIsolation();
      if (previous == Connection.TRANSACTION_READ_COMMITTED) {
        return UNCHANGED;
      }
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      return previous;
    } catch (SQLException e) {
      release(connection, UNCHANGED);
      throw StorageErrors.translate("begin a transaction", e);
    }
  }

  private static void commit(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw StorageErrors.translate("commit", e);
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The work's failure is what the caller must see; the rollback failure travels with it.
      failure.addSuppressed(e);
    }
  }

  /**
   * Hands the connection back. A failure here comes after commit or rollback, when the outcome is already decided:
   * throwing would make core retry a command that committed, so it is logged instead.
   */
  private static void release(Connection connection, int isolation) {
    try {
      if (isolation != UNCHANGED) {
        connection.setTransactionIsolation(isolation);
      }
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("Could not restore isolation and auto-commit on a connection before returning it", e);
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not return a connection to the data source", e);
    }
  }

  /** Gives jOOQ the connection bound to the calling thread. Statements never run outside {@link #call}. */
  private final class BoundConnectionProvider implements ConnectionProvider {
    @Override
    public Connection acquire() {
      Connection connection = current.get();
      if (connection == null) {
        throw new IllegalStateException("a store statement ran outside a transaction");
      }
      return connection;
    }

    @Override
    public void release(Connection connection) {
      // The transaction owns the connection and releases it after commit or rollback.
    }
  }
}
