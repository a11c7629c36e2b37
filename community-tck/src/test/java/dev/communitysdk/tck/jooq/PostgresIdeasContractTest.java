package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.IdeasContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Ideas on the jOOQ store on POSTGRESQL. */
class PostgresIdeasContractTest extends IdeasContract {
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
