package dev.communitysdk.jdbc;

import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Translates JDBC and jOOQ failures into the port's exceptions, so that none of their types escapes a store. Decides
 * by SQLSTATE and vendor code, which the three drivers fill in reliably, rather than by exception class.
 */
final class StorageErrors {
  /** SQLSTATE of a unique violation on H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";
  /** MariaDB and MySQL report every integrity violation as 23000; the vendor code tells duplicates apart. */
  private static final String INTEGRITY_VIOLATION = "23000";
  /** ER_DUP_ENTRY, and ER_DUP_ENTRY_WITH_KEY_NAME. */
  private static final Set<Integer> MARIADB_DUPLICATE = Set.of(1062, 1586);
  /** ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT: the transaction lost a race and may succeed when run again. */
  private static final Set<Integer> MARIADB_TRANSIENT = Set.of(1213, 1205);
  /**
   * Serialization failure, deadlock (PostgreSQL), admin shutdown of the backend, and H2's lock timeout, which H2 raises
   * where the other engines would wait or deadlock.
   */
  private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "HYT00");
  /**
   * H2's broken connection and ended session (as after {@code ABORT_SESSION}): what the other engines report as class
   * 08, H2 reports under its own codes.
   */
  static final Set<String> H2_BROKEN_CONNECTION = Set.of("90067", "90121");

  private StorageErrors() {}

  /**
   * @param operation what the store was doing, such as {@code "insert vote cm_vote(post_id, member_id)"}; becomes the
   *     message, and names the key of a duplicate
   * @param failure what JDBC or jOOQ threw
   * @return the port's exception for the failure, with the failure as its cause: a {@link DuplicateKeyException}
   *     (a conflict, not a storage failure) or a {@link StorageException}
   */
  static CommunityException translate(String operation, Throwable failure) {
    SQLException sql = findSqlException(failure);
    if (sql == null) {
      return isTransientClass(failure)
          ? new TransientStorageException(operation + " failed: " + failure.getMessage(), failure)
          : new StorageException(operation + " failed: " + failure.getMessage(), failure);
    }
    String state = sql.getSQLState();
    int code = sql.getErrorCode();
    if (isDuplicate(state, code)) {
      DuplicateKeyException duplicate = new DuplicateKeyException(operation);
      duplicate.initCause(failure);
      return duplicate;
    }
    String message = operation + " failed: " + sql.getMessage();
    if (isTransient(state, code) || isTransientClass(sql)) {
      return new TransientStorageException(message, failure);
    }
    return new StorageException(message, failure);
  }

  private static boolean isDuplicate(@Nullable String state, int code) {
    if (UNIQUE_VIOLATION.equals(state)) {
      return true;
    }
    // MariaDB's driver sometimes leaves the state empty; the vendor code alone is unambiguous there.
    return MARIADB_DUPLICATE.contains(code) && (state == null || state.isEmpty() || INTEGRITY_VIOLATION.equals(state));
  }

  private static boolean isTransient(@Nullable String state, int code) {
    if (MARIADB_TRANSIENT.contains(code)) {
      return true;
    }
    // Class 08: the connection broke, possibly handed out dead by a pool after a server-side kill.
    return state != null
        && (state.startsWith("08") || TRANSIENT_STATES.contains(state) || H2_BROKEN_CONNECTION.contains(state));
  }

  private static boolean isTransientClass(Throwable failure) {
    return failure instanceof SQLTransientException || failure instanceof SQLRecoverableException;
  }

  /** jOOQ wraps the driver's exception; some pools wrap it once more. */
  private static @Nullable SQLException findSqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
