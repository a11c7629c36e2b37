package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures around the transaction itself: connections that cannot be had, statements on a broken link. */
final class JooqTransactorTest {
  private final ScratchDatabase database = ScratchDatabase.h2();
  private final SwitchableDataSource dataSource = new SwitchableDataSource(database.dataSource());
  private final JooqCommunityStore store = JooqCommunityStore.create(dataSource, JooqStoreOptions.defaults()
      .withSchemaMode(SchemaMode.MIGRATE));

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void storeCall_whenConnectionIsLost_throwsTransient() {
    dataSource.failWith(new SQLException("Connection refused", "08001"));

    assertThatThrownBy(() -> store.members().find(new MemberId(1)))
        .isInstanceOf(TransientStorageException.class)
        .hasMessageContaining("open a connection")
        .hasRootCauseInstanceOf(SQLException.class);
  }

  @Test
  void storeCall_whenDatabaseRefusesForGood_throwsPlainStorageException() {
    dataSource.failWith(new SQLException("password authentication failed", "28P01"));

    assertThatThrownBy(() -> store.transactor().run(() -> store.members().find(new MemberId(1))))
        .isExactlyInstanceOf(StorageException.class);
  }

  @Test
  void storeCall_onTableTheSchemaLacks_throwsStorageExceptionNotJooq() {
    store.transactor().run(() -> {
      try (Connection c = database.dataSource().getConnection()) {
        c.createStatement().execute("DROP TABLE cm_revision");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThatThrownBy(() -> store.revisions().list(new PostId(1)))
        .isExactlyInstanceOf(StorageException.class)
        .hasMessageStartingWith("list revisions failed");
  }

  @Test
  void inTransaction_afterWork_returnsTheConnection() throws SQLException {
    store.transactor().run(() -> store.members().find(new MemberId(1)));

    assertThat(dataSource.lastConnection.get().isClosed()).isTrue();
  }

  /** Delegates to H2 until told to fail. */
  private static final class SwitchableDataSource implements DataSource {
    private final DataSource delegate;
    private final AtomicReference<SQLException> failure = new AtomicReference<>();
    final AtomicReference<Connection> lastConnection = new AtomicReference<>();

    SwitchableDataSource(DataSource delegate) {
      this.delegate = delegate;
    }

    void failWith(SQLException e) {
      failure.set(e);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (failure.get() != null) {
        throw failure.get();
      }
      Connection connection = delegate.getConnection();
      lastConnection.set(connection);
      return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
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
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }
}
