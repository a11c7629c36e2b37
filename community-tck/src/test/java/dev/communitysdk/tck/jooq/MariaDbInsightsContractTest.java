package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.InsightsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Sentiment insights on the jOOQ store on MARIADB. */
class MariaDbInsightsContractTest extends InsightsContract {
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
