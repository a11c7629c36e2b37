package dev.communitysdk.tck.community;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** Safe content on the in-memory reference store. */
class InMemoryContentSafetyContractTest extends ContentSafetyContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
