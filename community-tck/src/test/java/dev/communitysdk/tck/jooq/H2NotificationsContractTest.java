package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.NotificationsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Notifications on the jOOQ store on H2. */
class H2NotificationsContractTest extends NotificationsContract {
  private final JooqTestStore database = new JooqTestStore(DatabaseEngine.H2);

  @Override
  protected CommunityStore newStore() {
    return database.open();
  }

  @Override
  protected void releaseStore(CommunityStore store) {
    database.close();
  }
}
