package dev.communitysdk.tck.community;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** Anonymity, audit, export and erasure on the in-memory reference store. */
class InMemoryPrivacyContractTest extends PrivacyContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
