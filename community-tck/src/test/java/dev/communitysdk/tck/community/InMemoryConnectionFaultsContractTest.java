package dev.communitysdk.tck.community;

import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.fixtures.ConnectionFault;

/** Connection faults on the in-memory reference store, which fails the transaction where a connection would break. */
class InMemoryConnectionFaultsContractTest extends ConnectionFaultsContract {
  private FaultyInMemoryStore faulty;

  @Override
  protected CommunityStore newStore() {
    faulty = new FaultyInMemoryStore();
    return faulty;
  }

  @Override
  protected ConnectionFault fault() {
    return faulty;
  }
}
