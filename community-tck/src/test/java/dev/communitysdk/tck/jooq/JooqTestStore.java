package dev.communitysdk.tck.jooq;

import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.jdbc.JooqCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.db.TestDatabase;
import dev.communitysdk.tck.db.TestDatabasePool;

/**
 * A jOOQ store on an empty, migrated test database of one engine; one per contract test instance. The databases come
 * from a pool the whole test JVM shares, so that the migrations run once per database rather than once per test.
 */
final class JooqTestStore {
  /** Migrated databases; Flyway's history table is the one table the migrations fill. */
  private static final TestDatabasePool MIGRATED = TestDatabasePool.of(
      dataSource -> JooqCommunityStore.create(dataSource).migrate(), Set.of("cm_schema_history"));

  private final DatabaseEngine engine;
  private @Nullable TestDatabase database;

  JooqTestStore(DatabaseEngine engine) {
    this.engine = engine;
  }

  CommunityStore open() {
    return open(TestDatabase::dataSource);
  }

  /** @param connections the data source the store borrows from, made from the empty, migrated database */
  CommunityStore open(Function<TestDatabase, DataSource> connections) {
    database = MIGRATED.open(engine);
    return JooqCommunityStore.create(connections.apply(database));
  }

  void close() {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
