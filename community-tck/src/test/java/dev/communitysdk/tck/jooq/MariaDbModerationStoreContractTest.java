package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.storage.ModerationStoreContract;

/** The jOOQ store passes the moderation store contract on MariaDB. */
class MariaDbModerationStoreContractTest extends ModerationStoreContract {
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
