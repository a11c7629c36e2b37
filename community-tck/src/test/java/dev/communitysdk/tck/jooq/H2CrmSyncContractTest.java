package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.CrmSyncContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** The CRM sync on the jOOQ store on H2. */
class H2CrmSyncContractTest extends CrmSyncContract {
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
