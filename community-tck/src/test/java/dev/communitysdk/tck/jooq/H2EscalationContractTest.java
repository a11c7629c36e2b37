package dev.communitysdk.tck.jooq;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.community.EscalationContract;
import dev.communitysdk.tck.db.DatabaseEngine;

/** Escalation to CRM cases on the jOOQ store on H2. */
class H2EscalationContractTest extends EscalationContract {
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
