package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.QuestionsContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Questions and reputation on the jOOQ store on MARIADB. */
class MariaDbQuestionsContractTest extends QuestionsContract {
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
