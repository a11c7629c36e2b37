package dev.communitysdk.tck.storage;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** The reference store passes the privacy storage contract. */
class InMemoryPrivacyStoreContractTest extends PrivacyStoreContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
