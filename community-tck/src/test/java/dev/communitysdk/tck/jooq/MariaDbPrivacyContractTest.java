package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.PrivacyContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Anonymity, audit, export and erasure on the jOOQ store on MariaDB. */
class MariaDbPrivacyContractTest extends PrivacyContract {
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
