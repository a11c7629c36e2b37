package dev.communitysdk.tck.community;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** Escalation to CRM cases on the in-memory reference store. */
class InMemoryEscalationContractTest extends EscalationContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
