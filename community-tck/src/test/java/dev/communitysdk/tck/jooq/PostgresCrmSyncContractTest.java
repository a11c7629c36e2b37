package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.CrmSyncContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** The CRM sync on the jOOQ store on POSTGRESQL. */
class PostgresCrmSyncContractTest extends CrmSyncContract {
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
