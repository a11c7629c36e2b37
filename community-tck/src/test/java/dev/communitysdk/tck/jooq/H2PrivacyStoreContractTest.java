package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.storage.PrivacyStoreContract;

/** The jOOQ store passes the privacy storage contract on H2. */
class H2PrivacyStoreContractTest extends PrivacyStoreContract {
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
