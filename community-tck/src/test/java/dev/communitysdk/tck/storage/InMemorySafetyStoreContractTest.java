package dev.communitysdk.tck.storage;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** The reference store passes the safety storage contract. */
class InMemorySafetyStoreContractTest extends SafetyStoreContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
