package dev.communitysdk.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Connection pools for hosts that do not already have a {@link javax.sql.DataSource} to share. */
public final class CommunityDataSources {
  private static final int MAXIMUM_POOL_SIZE = 10;
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  private CommunityDataSources() {}

  /**
   * A HikariCP pool with settings that suit the SDK: at most 10 connections (each command holds one for one short
   * transaction), a 10-second wait for a free connection, auto-commit on between transactions,
   * connections that H2 reports broken discarded ({@link H2ConnectionEviction}). HikariCP is an
   * optional dependency: add {@code com.zaxxer:HikariCP} to use this.
   *
   * @param jdbcUrl the JDBC URL, such as {@code jdbc:postgresql://db:5432/portal}
   * @param user the database user
   * @param password the password; empty for none
   * @return a started pool; the caller closes it (the store never does)
   * @throws IllegalStateException if HikariCP is not on the classpath
   */
  public static HikariDataSource hikari(String jdbcUrl, String user, String password) {
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    try {
      Class.forName("com.zaxxer.hikari.HikariDataSource", false, CommunityDataSources.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("CommunityDataSources.hikari needs HikariCP, which is an optional dependency of"
          + " community-jdbc: add com.zaxxer:HikariCP to the application", e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("community-sdk");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setAutoCommit(true);
    config.setExceptionOverride(new H2ConnectionEviction());
    return new HikariDataSource(config);
  }
}
