package dev.communitysdk.tck.storage;

import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.storage.CommunityStore;

/** The reference store passes the outbox relay store contract. */
class InMemoryOutboxRelayStoreContractTest extends OutboxRelayStoreContract {
  @Override
  protected CommunityStore newStore() {
    return InMemoryCommunityStore.create();
  }
}
