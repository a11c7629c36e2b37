package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.RateLimitsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Rate limits on the jOOQ store on MARIADB. */
class MariaDbRateLimitsContractTest extends RateLimitsContract {
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
