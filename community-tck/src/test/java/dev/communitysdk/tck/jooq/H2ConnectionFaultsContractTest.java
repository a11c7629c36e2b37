package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.ConnectionFaultsContract;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.db.KillingDataSource;
import dev.communitysdk.tck.fixtures.ConnectionFault;

/** Connections killed by the H2 server in the middle of a command, under the jOOQ store. */
class H2ConnectionFaultsContractTest extends ConnectionFaultsContract {
  private final JooqTestStore database = new JooqTestStore(DatabaseEngine.H2);
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
