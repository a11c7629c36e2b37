package dev.communitysdk.jdbc;

/** The adapter's behaviour on in-memory H2. */
final class H2JooqStoreTest extends JooqStoreTestBase {
  @Override
  ScratchDatabase openDatabase() {
    return ScratchDatabase.h2();
  }
}
