package dev.communitysdk.jdbc;

/**
 * The adapter's behaviour on PostgreSQL, in a scratch schema that is dropped afterwards. Runs when
 * {@code COMMUNITY_TEST_POSTGRES_URL} holds a JDBC URL with the user; skipped, naming the variable, otherwise.
 */
final class PostgresJooqStoreTest extends JooqStoreTestBase {
  @Override
  ScratchDatabase openDatabase() {
    return ScratchDatabase.postgres();
  }
}
