package dev.communitysdk.tck.community;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** The public API on the in-memory reference store. */
class InMemoryCommunityContractTest extends CommunityContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
