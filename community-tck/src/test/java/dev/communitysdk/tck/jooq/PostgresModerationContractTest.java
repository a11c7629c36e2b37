package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.ModerationContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Moderation on the jOOQ store on POSTGRESQL. */
class PostgresModerationContractTest extends ModerationContract {
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
