package dev.communitysdk.tck.storage;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** The reference store passes the full moderation storage contract. */
class InMemoryModerationStoreContractTest extends ModerationStoreContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
