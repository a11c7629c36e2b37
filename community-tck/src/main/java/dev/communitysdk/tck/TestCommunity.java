package dev.communitysdk.tck;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.jdbc.JooqCommunityStore;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.fixtures.FakeIdentityProvider;
import dev.communitysdk.tck.fixtures.MutableClock;

/**
 * A complete community for a host's own tests, in one line:
 *
 * <pre>{@code
 * try (TestCommunity test = TestCommunity.inMemoryH2()) {
 *   Actor alice = test.member("alice", "Alice");
 *   test.community().topics().start(alice, ...);
 * }
 * }</pre>
 *
 * <p>Each instance has its own private, empty database (or pure in-memory store), a fake identity provider to add
 * users to, and a clock the test can move. Closing it drops the database.
 */
public final class TestCommunity implements AutoCloseable {
  private final CommunityStore store;
  private final FakeIdentityProvider identities;
  private final MutableClock clock;
  private final Community community;
  private final Runnable onClose;

  private TestCommunity(CommunityStore store, Runnable onClose) {
    this.store = store;
    this.onClose = onClose;
    this.identities = FakeIdentityProvider.create();
    this.clock = MutableClock.create();
    this.community = Community.builder().store(store).identity(identities).clock(clock).build();
  }

  /**
   * @return a community on a fresh, private in-memory H2 database, through the jOOQ adapter, schema migrated
   */
  public static TestCommunity inMemoryH2() {
    String name = "community-test-" + UUID.randomUUID();
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);
    store.migrate();
    return new TestCommunity(store, () -> dropH2(dataSource));
  }

  /** @return a community on the pure in-memory reference store: fastest, no SQL involved */
  public static TestCommunity inMemory() {
    return new TestCommunity(InMemoryCommunityStore.create(), () -> { });
  }

  /**
   * Registers a host user with the fake identity provider and resolves it to its member.
   *
   * @param userId the host user id
   * @param displayName the display name
   * @param roles roles beyond {@link Role#MEMBER}
   * @return the actor for commands
   */
  public Actor member(String userId, String displayName, Role... roles) {
    identities.register(requireNonNull(userId, "userId"), requireNonNull(displayName, "displayName"), roles);
    return community.members().refresh(userId);
  }

  /** @return the community under test */
  public Community community() {
    return community;
  }

  /** @return the fake identity provider, to add, change or remove host users */
  public FakeIdentityProvider identities() {
    return identities;
  }

  /** @return the clock the community reads, to move time */
  public MutableClock clock() {
    return clock;
  }

  /** @return the store, to inspect what was written */
  public CommunityStore store() {
    return store;
  }

  /** Closes the community and drops its database. */
  @Override
  public void close() {
    community.close();
    onClose.run();
  }

  private static void dropH2(JdbcDataSource dataSource) {
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not drop the test database " + dataSource.getURL(), e);
    }
  }
}
