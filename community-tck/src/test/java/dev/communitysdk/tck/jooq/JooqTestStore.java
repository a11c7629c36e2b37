package dev.communitysdk.tck.jooq;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.jdbc.JooqCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.db.TestDatabase;

/** A jOOQ store on a fresh, migrated test database of one engine; one per contract test instance. */
final class JooqTestStore {
  private final DatabaseEngine engine;
  private @Nullable TestDatabase database;

  JooqTestStore(DatabaseEngine engine) {
    this.engine = engine;
  }

  CommunityStore open() {
    database = TestDatabase.open(engine);
    JooqCommunityStore store = JooqCommunityStore.create(database.dataSource());
    store.migrate();
    return store;
  }

  void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
