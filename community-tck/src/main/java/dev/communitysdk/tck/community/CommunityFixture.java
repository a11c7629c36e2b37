package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.fixtures.FakeIdentityProvider;
import dev.communitysdk.tck.fixtures.InMemoryCrm;
import dev.communitysdk.tck.fixtures.MutableClock;

/**
 * What every community kit starts from: a fresh, empty store from the adapter under test, a fake identity provider
 * with an admin, a moderator and three members, a public discussion space, and a clock the test can move. Extend a
 * kit ({@link CommunityContract}, {@link QuestionsContract}), not this class.
 */
public abstract class CommunityFixture {
  /** The clock the community reads; tests move it. */
  protected final MutableClock clock = MutableClock.create();
  /** The identity provider the community asks; tests add and remove users. */
  protected final FakeIdentityProvider identities = FakeIdentityProvider.create();
  /** The CRM the community asks for customer profiles; tests define accounts. Profiles are not cached. */
  protected final InMemoryCrm crm = InMemoryCrm.create();
  /** The store under test, fresh for each test. */
  protected CommunityStore store;
  /** The community under test. */
  protected Community community;

  /** An admin. */
  protected Actor admin;
  /** A moderator. */
  protected Actor moderator;
  /** Three members. */
  protected Actor alice;
  /** Three members. */
  protected Actor bob;
  /** Three members. */
  protected Actor carol;
  /** A public discussion space. */
  protected Space discussion;

  /**
   * @return a fresh, empty store with its schema in place, whose id counters may go on from an earlier test;
   *     called before each test
   */
  protected abstract CommunityStore newStore();

  /**
   * Releases what {@link #newStore()} created, such as a test database; called after each test. The default does
   * nothing.
   *
   * @param used the store the test used
   */
  protected void releaseStore(CommunityStore used) {}

  /**
   * The privilege thresholds of the community under test. Voting is open here so that fresh members can vote; every
   * other privilege keeps its default threshold, and the questions kit's Privileges group checks the voting thresholds
   * too. A kit that must not depend on reputation at all opens more.
   *
   * @return the thresholds
   */
  protected PrivilegeRules privileges() {
    return PrivilegeRules.stackExchange().with(Privilege.UPVOTE, 0).with(Privilege.DOWNVOTE, 0);
  }

  @BeforeEach
  void setUpCommunity() {
    store = newStore();
    identities.register("admin", "Ada Admin", Role.ADMIN);
    identities.register("mod", "Moe Moderator", Role.MODERATOR);
    identities.register("alice", "Alice");
    identities.register("bob", "Bob");
    identities.register("carol", "Carol");
    // Rate limits are off, so that kits may post and vote as much as they need; RateLimitsContract checks them with
    // their defaults.
    community = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
        .crmProfileTtl(Duration.ZERO).rateLimits(RateLimits.unlimited()).privileges(privileges()).build();
    admin = community.actor("admin");
    moderator = community.actor("mod");
    alice = community.actor("alice");
    bob = community.actor("bob");
    carol = community.actor("carol");
    discussion = community.spaces().create(admin, SpaceDraft.of("general", "General discussion", SpaceKind.DISCUSSION));
  }

  @AfterEach
  void tearDownCommunity() {
    // Set-up may have stopped early, for instance when a database suite is skipped for want of its URL.
    if (community != null) {
      community.close();
    }
    if (store != null) {
      releaseStore(store);
    }
  }

  /** Starts a topic in the discussion space. */
  protected ThreadView startTopic(Actor author, String title) {
    return community.topics().start(author, discussion.id(), TopicDraft.of(title, "Body of " + title, "help"));
  }

  /** The opening post of a freshly started topic. */
  protected static PostView opening(ThreadView thread) {
    return thread.openingPost().orElseThrow();
  }

  /** The number of events in the outbox. */
  protected int eventCount() {
    return store.transactor().inTransaction(() -> store.outbox().listAfter(Optional.empty(), 1000)).size();
  }

  /** Every event in the outbox, oldest first. */
  protected List<CommunityEvent> events() {
    return store.transactor().inTransaction(() -> store.outbox().listAfter(Optional.empty(), 1000));
  }

  /** Asserts that the action throws a validation error naming the field, and that it wrote nothing. */
  protected void assertRejected(String field, Runnable action) {
    int before = eventCount();
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    assertThat(eventCount()).as("events after a rejected command").isEqualTo(before);
  }

  /**
   * Runs the task once per item on a pool of threads, all released at once, and waits for every one to finish.
   * Failures inside a task are the task's to record.
   */
  protected static <T> void runConcurrently(int threads, List<T> items, Consumer<T> task) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (T item : items) {
        pool.submit(() -> {
          start.await();
          task.accept(item);
          return null;
        });
      }
      start.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("concurrent tasks finished").isTrue();
    }
  }
}
