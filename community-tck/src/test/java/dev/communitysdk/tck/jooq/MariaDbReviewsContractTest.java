package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.ReviewsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Product reviews on the jOOQ store on MARIADB. */
class MariaDbReviewsContractTest extends ReviewsContract {
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
