package dev.communitysdk.jdbc;

/**
 * The adapter's behaviour on MariaDB, in a scratch database that is dropped afterwards. Runs when
 * {@code COMMUNITY_TEST_MARIADB_URL} holds a JDBC URL with the user; skipped, naming the variable, otherwise.
 */
final class MariaDbJooqStoreTest extends JooqStoreTestBase {
  @Override
  ScratchDatabase openDatabase() {
    return ScratchDatabase.mariaDb();
  }
}
