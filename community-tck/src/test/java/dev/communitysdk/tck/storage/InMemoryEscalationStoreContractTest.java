package dev.communitysdk.tck.storage;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** The reference store passes the escalation store contract. */
class InMemoryEscalationStoreContractTest extends EscalationStoreContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
