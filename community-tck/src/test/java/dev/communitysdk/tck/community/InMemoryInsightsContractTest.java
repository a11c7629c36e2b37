package dev.communitysdk.tck.community;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** Sentiment insights on the in-memory reference store. */
class InMemoryInsightsContractTest extends InsightsContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
