package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.NotificationsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Notifications on the jOOQ store on POSTGRESQL. */
class PostgresNotificationsContractTest extends NotificationsContract {
  private final JooqTestStore database = new JooqTestStore(DatabaseEngine.POSTGRESQL);

  @Override
  protected CommunityStore newStore() {
    return database.open();
  }

  @Override
  protected void releaseStore(CommunityStore store) {
    database.close();
  }
}
