package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.ContentSafetyContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Safe content on the jOOQ store on MARIADB. */
class MariaDbContentSafetyContractTest extends ContentSafetyContract {
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
