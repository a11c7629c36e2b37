package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.ConnectionFaultsContract;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.db.KillingDataSource;
import dev.communitysdk.tck.fixtures.ConnectionFault;

/** Connections killed by the MARIADB server in the middle of a command, under the jOOQ store. */
class MariaDbConnectionFaultsContractTest extends ConnectionFaultsContract {
  private final JooqTestStore database = new JooqTestStore(DatabaseEngine.MARIADB);
  private KillingDataSource connections;

  @Override
  protected CommunityStore newStore() {
    return database.open(db -> connections = new KillingDataSource(db));
  }

  @Override
  protected ConnectionFault fault() {
    return connections;
  }

  @Override
  protected void releaseStore(CommunityStore store) {
    database.close();
  }
}
