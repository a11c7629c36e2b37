package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.member;
import static dev.communitysdk.tck.storage.Samples.post;
import static dev.communitysdk.tck.storage.Samples.space;
import static dev.communitysdk.tck.storage.Samples.topic;
import static dev.communitysdk.tck.storage.Samples.unique;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.spi.storage.Transactor;

/**
 * What every storage contract of this kit shares: a fresh store for each test, released after it. An adapter's test
 * extends one of the contracts ({@link CommunityStoreContract}, {@link IdeaStoreContract},
 * {@link ModerationStoreContract}, {@link ReviewStoreContract}, {@link PrivacyStoreContract},
 * {@link CrmLinkStoreContract}, {@link EscalationStoreContract}), never this class directly, and says how to make and
 * release a store.
 *
 * <p>Every test starts from an empty store and asserts exact values; the concurrency tests run 16 threads at once, so
 * a store backed by a connection pool needs at least a handful of connections.
 */
public abstract class StoreContract {
  /** How many threads the concurrency tests run at once. */
  static final int THREADS = 16;

  private @Nullable CommunityStore store;

  /** For the contracts of this package. */
  StoreContract() {}

  /**
   * Makes the store one test runs on. Called before every test.
   *
   * @return a fresh store holding no data: no members, spaces, topics, posts, votes, revisions, events, reputation
   *     entries, badge awards, sentiment aggregates or alerts, ideas, reviews, audit entries or escalations (the
   *     community's sentiment is one scope that no unique key can keep tests apart in); its id counters may go on from
   *     an earlier test, so no test relies on the first id
   */
  protected abstract CommunityStore newStore();

  /**
   * Releases what the store of the test that just ended holds, such as its test database. Called after every test,
   * whether it passed or not; does nothing unless overridden.
   *
   * @param store the store {@link #newStore()} returned for the test
   * @throws Exception if releasing fails; the test then fails
   */
  protected void releaseStore(CommunityStore store) throws Exception {
    // Nothing to release by default: an in-memory store is garbage once the test drops it.
  }

  /** @return the store of the running test */
  protected final CommunityStore store() {
    CommunityStore current = store;
    if (current == null) {
      throw new IllegalStateException("the store exists only while a test runs");
    }
    return current;
  }

  @BeforeEach
  void openStore() {
    store = requireNonNull(newStore(), "newStore() must return a store");
  }

  @AfterEach
  void closeStore() throws Exception {
    CommunityStore current = store;
    store = null;
    if (current != null) {
      releaseStore(current);
    }
  }

  final Transactor tx() {
    return store().transactor();
  }

  final Member newMember() {
    return store().members().insert(member(unique("user")));
  }

  /** @return a new questions space */
  final Space newSpace() {
    return store().spaces().insert(space(unique("space")));
  }

  final Space newSpace(SpaceKind kind) {
    return store().spaces().insert(space(unique("space"), kind));
  }

  final Topic newTopic(Space space, Member author, Instant createdAt, double hot, String... tags) {
    return store().topics().insert(topic(space, author.id(), List.of(tags), hot, createdAt));
  }

  final Post newPost(Topic topic, Member author, PostStatus status) {
    return store().posts().insert(post(topic, author.id(), status, at(1)));
  }

  /** @return for each of the {@link #THREADS} threads a batch of new members of its own, inserted in one go */
  final List<List<Member>> membersPerThread(int perThread) {
    List<List<Member>> batches = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      batches.add(tx().inTransaction(() -> {
        List<Member> batch = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          batch.add(store().members().insert(member(unique("voter"))));
        }
        return batch;
      }));
    }
    return batches;
  }

  /**
   * Lists page after page, each after the cursor of the previous page's last row, until a page comes back empty.
   *
   * @param limit the page size the pages were asked for; no page may hold more
   * @param page the page after the cursor
   * @param cursorOf the cursor a row ends its page at
   * @return every row listed, in listing order
   */
  static <T> List<T> pageThrough(
      int limit, Function<Optional<ListingCursor>, List<T>> page, Function<T, ListingCursor> cursorOf) {
    List<T> seen = new ArrayList<>();
    Optional<ListingCursor> after = Optional.empty();
    for (int pages = 0; pages < 20; pages++) {
      List<T> rows = page.apply(after);
      assertThat(rows).hasSizeLessThanOrEqualTo(limit);
      if (rows.isEmpty()) {
        return seen;
      }
      seen.addAll(rows);
      after = Optional.of(cursorOf.apply(rows.get(rows.size() - 1)));
    }
    throw new AssertionError("the listing did not end after 20 pages; pages so far: " + seen);
  }

  /** Runs the task on {@link #THREADS} threads started together; returns what escaped the tasks. */
  static Queue<Throwable> runConcurrently(IntConsumer task) throws Exception {
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        running.add(pool.submit(() -> {
          try {
            start.await();
            task.accept(thread);
          } catch (Throwable e) {
            failures.add(e);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : running) {
        future.get(150, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return failures;
  }

  /**
   * Retries a whole transaction that failed transiently, a bounded number of times, as core does for every command.
   * Only {@link TransientStorageException} is retried: any other failure escapes at once.
   */
  static <T> T withTransientRetry(Supplier<T> transaction) {
    return withRetry(transaction, e -> e instanceof TransientStorageException);
  }

  /** Retries a whole transaction that failed with a retryable exception, a bounded number of times. */
  static <T> T withRetry(Supplier<T> transaction, Predicate<RuntimeException> retryable) {
    int attempts = 10;
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (!retryable.test(e) || attempt == attempts) {
          throw e;
        }
        sleep(ThreadLocalRandom.current().nextInt(1, 10 * attempt));
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  static <T> T onAnotherThread(Supplier<T> work) throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      return CompletableFuture.supplyAsync(work, other).get(30, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }
  }
}
