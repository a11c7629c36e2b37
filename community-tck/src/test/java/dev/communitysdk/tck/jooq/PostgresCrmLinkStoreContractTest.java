package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.storage.CrmLinkStoreContract;

/** The jOOQ store passes the CRM link storage contract on PostgreSQL. */
class PostgresCrmLinkStoreContractTest extends CrmLinkStoreContract {
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
