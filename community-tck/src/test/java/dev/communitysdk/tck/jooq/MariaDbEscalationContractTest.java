package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.EscalationContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Escalation to CRM cases on the jOOQ store on MARIADB. */
class MariaDbEscalationContractTest extends EscalationContract {
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
