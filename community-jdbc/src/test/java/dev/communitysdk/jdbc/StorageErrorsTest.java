package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Translation by SQLSTATE and vendor code, with the exceptions the three drivers raise. */
final class StorageErrorsTest {
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      "23505, 0", // H2 and PostgreSQL unique violation
      "23505, 23505", // H2 puts the state in the code as well
      "23000, 1062", // MariaDB ER_DUP_ENTRY
      "23000, 1586", // MariaDB ER_DUP_ENTRY_WITH_KEY_NAME
  })
  void translate_uniqueViolation_isDuplicateKey(String state, int code) {
    CommunityException translated = StorageErrors.translate("insert vote cm_vote(post_id, member_id)",
        new SQLException("duplicate", state, code));

    assertThat(translated).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("cm_vote(post_id, member_id)");
    assertThat(translated.getCause()).isInstanceOf(SQLException.class);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      "08006, 0", // PostgreSQL connection failure
      "08S01, 0", // MariaDB communication link failure
      "57P01, 0", // PostgreSQL admin shutdown
      "40001, 0", // serialization failure
      "40P01, 0", // PostgreSQL deadlock
      "40001, 1213", // MariaDB deadlock
      "HY000, 1205", // MariaDB lock wait timeout
      "HYT00, 50200", // H2 lock timeout
      "90067, 90067", // H2 connection broken
      "90121, 90121", // H2 session closed, as by ABORT_SESSION
  })
  void translate_transientFailure_isTransient(String state, int code) {
    CommunityException translated = StorageErrors.translate("add post votes", new SQLException("busy", state, code));

    assertThat(translated).isInstanceOf(TransientStorageException.class).hasMessageStartingWith("add post votes failed");
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      "23000, 1452", // MariaDB foreign key violation: not a duplicate
      "23503, 0", // PostgreSQL foreign key violation
      "42601, 0", // syntax error
      "22001, 0", // value too long
  })
  void translate_otherFailure_isPlainStorageException(String state, int code) {
    CommunityException translated = StorageErrors.translate("insert post", new SQLException("bad", state, code));

    assertThat(translated).isExactlyInstanceOf(StorageException.class);
  }

  @Test
  void translate_wrappedByJooq_findsTheDriversException() {
    DataAccessException wrapped = new DataAccessException("jooq", new SQLException("dup", "23000", 1062));

    CommunityException translated = StorageErrors.translate("insert member cm_member(external_id)", wrapped);

    assertThat(translated).isInstanceOf(DuplicateKeyException.class);
    assertThat(translated.getCause()).isSameAs(wrapped);
  }

  @Test
  void translate_poolTimeoutWithoutState_isTransient() {
    CommunityException translated = StorageErrors.translate(
        "open a connection", new SQLTransientConnectionException("pool exhausted"));

    assertThat(translated).isInstanceOf(TransientStorageException.class);
  }

  @Test
  void translate_failureWithoutSqlException_isStorageException() {
    CommunityException translated = StorageErrors.translate("list topics", new DataAccessException("mapping"));

    assertThat(translated).isExactlyInstanceOf(StorageException.class).hasMessageContaining("list topics");
  }
}
