package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.IdentityContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Identity and SSO on the jOOQ store on MARIADB. */
class MariaDbIdentityContractTest extends IdentityContract {
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
