package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.NotificationsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Notifications on the jOOQ store on MARIADB. */
class MariaDbNotificationsContractTest extends NotificationsContract {
  private final JooqTestStore database = new JooqTestStore(DatabaseEngine.MARIADB);

  @Override
  protected CommunityStore newStore() {
    return database.open();
  }

  @Override
  protected void releaseStore(CommunityStore store) {
    database.close();
  }
}
