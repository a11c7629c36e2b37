package dev.communitysdk.jdbc;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells a HikariCP pool to discard a connection that H2 reports broken. HikariCP discards a connection whose failure
 * has an SQLSTATE of class 08 (and a few vendor states), which covers PostgreSQL and MariaDB; H2 reports a broken
 * connection ({@code 90067}) and a session that was ended ({@code 90121}, as after {@code ABORT_SESSION}) under codes
 * of its own. Without this, HikariCP hands the dead connection out again for up to half a second, and every retry of
 * the failed command's transaction fails on it.
 *
 * <p>{@link CommunityDataSources#hikari} installs it. A host with its own HikariCP pool on H2 sets it with
 * {@code config.setExceptionOverride(new H2ConnectionEviction())} or
 * {@code exceptionOverrideClassName=dev.communitysdk.jdbc.H2ConnectionEviction}. Needs HikariCP, an optional dependency.
 * Thread-safe and stateless.
 */
public final class H2ConnectionEviction implements SQLExceptionOverride {
  /** For HikariCP, which instantiates the class by name. */
  public H2ConnectionEviction() {}

  /**
   * @param failure what a connection of the pool threw
   * @return {@code MUST_EVICT} when H2 says the connection is broken; otherwise HikariCP's own rules decide
   */
  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException failure) {
    return StorageErrors.H2_BROKEN_CONNECTION.contains(failure.getSQLState())
        ? SQLExceptionOverride.Override.MUST_EVICT
        : SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
