package dev.communitysdk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A throwaway in-memory H2 database for one test, shut down on close. The adapter's behaviour on every database is
 * proven by the TCK's contracts (community-tck), which cannot run here without a module cycle.
 */
final class ScratchDatabase implements AutoCloseable {
  private final JdbcDataSource dataSource;

  private ScratchDatabase(JdbcDataSource dataSource) {
    this.dataSource = dataSource;
  }

  static ScratchDatabase h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:cm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new ScratchDatabase(h2);
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("SHUTDOWN failed", e);
    }
  }
}
