package dev.communitysdk.tck.jooq;

import java.util.function.Function;

import javax.sql.DataSource;

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
    return open(TestDatabase::dataSource);
  }

  /** @param connections the data source the store borrows from, made from the fresh database */
  CommunityStore open(Function<TestDatabase, DataSource> connections) {
    database = TestDatabase.open(engine);
    JooqCommunityStore store = JooqCommunityStore.create(connections.apply(database));
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
