package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.T0;
import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.content;
import static dev.communitysdk.tck.storage.Samples.event;
import static dev.communitysdk.tck.storage.Samples.member;
import static dev.communitysdk.tck.storage.Samples.post;
import static dev.communitysdk.tck.storage.Samples.profile;
import static dev.communitysdk.tck.storage.Samples.space;
import static dev.communitysdk.tck.storage.Samples.topic;
import static dev.communitysdk.tck.storage.Samples.unique;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.spi.storage.Transactor;

/**
 * The storage contract: what every {@link CommunityStore} must do, as JUnit 5 tests grouped by port. An adapter's
 * test extends this class and makes a fresh store; the in-memory reference store and the jOOQ store on H2,
 * PostgreSQL and MariaDB all pass it.
 *
 * <pre>{@code
 * class JooqPostgresStoreContractTest extends CommunityStoreContract {
 *   private TestDatabase database;
 *
 *   @Override
 *   protected CommunityStore newStore() {
 *     database = TestDatabase.postgresql();
 *     return JooqCommunityStore.create(database.dataSource()); // plus migrations
 *   }
 *
 *   @Override
 *   protected void releaseStore(CommunityStore store) {
 *     database.close();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test starts from an empty store and asserts exact values; the concurrency group runs 16 threads at once,
 * so a store backed by a connection pool needs at least a handful of connections.
 */
public abstract class CommunityStoreContract {
  private static final int THREADS = 16;

  private @Nullable CommunityStore store;

  /** For subclasses. */
  protected CommunityStoreContract() {}

  /**
   * Makes the store one test runs on. Called before every test.
   *
   * @return a fresh store holding no data: no members, spaces, topics, posts, votes, revisions or events
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

  @Nested
  @DisplayName("members")
  class Members {
    @Test
    @DisplayName("insert assigns an id and keeps every field, and find returns the same member")
    void insert_newMember_keepsEveryField() {
      NewMember newMember = member(unique("user"));

      Member stored = store().members().insert(newMember);

      assertThat(stored.id().value()).isPositive();
      assertThat(stored.externalId()).isEqualTo(newMember.externalId());
      assertThat(stored.profile()).isEqualTo(newMember.profile());
      assertThat(stored.status()).isEqualTo(MemberStatus.ACTIVE);
      assertThat(stored.reputation()).isEqualTo(7);
      assertThat(stored.createdAt()).isEqualTo(T0);
      assertThat(store().members().find(stored.id())).contains(stored);
      assertThat(store().members().findByExternalId(newMember.externalId())).contains(stored);
    }

    @Test
    @DisplayName("each insert gets a new id")
    void insert_twoMembers_getDistinctIds() {
      Member first = newMember();
      Member second = newMember();

      assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    @DisplayName("an external id already taken is a duplicate key, and the first member stays as it was")
    void insert_takenExternalId_throwsDuplicateKey() {
      String externalId = unique("user");
      Member first = store().members().insert(member(externalId));
      NewMember again = new NewMember(externalId, profile("Somebody Else"), 1, at(60));

      assertThatThrownBy(() -> store().members().insert(again)).isInstanceOf(DuplicateKeyException.class);

      assertThat(store().members().findByExternalId(externalId)).contains(first);
    }

    @Test
    @DisplayName("lookups of a missing member are empty")
    void find_missingMember_isEmpty() {
      newMember();

      assertThat(store().members().find(new MemberId(987_654_321L))).isEmpty();
      assertThat(store().members().findByExternalId(unique("nobody"))).isEmpty();
    }

    @Test
    @DisplayName("findAll returns the members that exist, each once")
    void findAll_duplicatesAndMissingIds_returnsExistingOnce() {
      Member a = newMember();
      Member b = newMember();
      newMember();

      List<Member> found = store().members().findAll(List.of(a.id(), b.id(), a.id(), new MemberId(987_654_321L)));

      assertThat(found).containsExactlyInAnyOrder(a, b);
      assertThat(store().members().findAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("updateProfile replaces the whole profile")
    void updateProfile_existingMember_replacesProfile() {
      Member member = newMember();
      MemberProfile changed = new MemberProfile("Ada Lovelace", Optional.empty(), Set.of(Role.MODERATOR),
          Optional.empty(), Optional.of("fr"));

      assertThat(store().members().updateProfile(member.id(), changed)).isTrue();

      Member stored = store().members().find(member.id()).orElseThrow();
      assertThat(stored.profile()).isEqualTo(changed);
      assertThat(stored.profile().roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.MODERATOR);
      assertThat(stored.status()).isEqualTo(MemberStatus.ACTIVE);
      assertThat(store().members().updateProfile(new MemberId(987_654_321L), changed)).isFalse();
    }

    @Test
    @DisplayName("updateStatus sets the status and nothing else")
    void updateStatus_existingMember_setsStatus() {
      Member member = newMember();

      assertThat(store().members().updateStatus(member.id(), MemberStatus.DEACTIVATED)).isTrue();

      assertThat(store().members().find(member.id())).contains(new Member(member.id(), member.externalId(),
          member.profile(), MemberStatus.DEACTIVATED, member.reputation(), member.createdAt()));
      assertThat(store().members().updateStatus(new MemberId(987_654_321L), MemberStatus.ERASED)).isFalse();
    }
  }

  @Nested
  @DisplayName("spaces")
  class Spaces {
    @Test
    @DisplayName("insert assigns an id and keeps every field, and find and findBySlug return the same space")
    void insert_newSpace_keepsEveryField() {
      NewSpace newSpace = space(unique("support"));

      Space stored = store().spaces().insert(newSpace);

      assertThat(stored.id().value()).isPositive();
      assertThat(stored).isEqualTo(new Space(stored.id(), newSpace.slug(), newSpace.name(), newSpace.description(),
          newSpace.kind(), newSpace.visibility(), newSpace.moderationMode(), newSpace.allowAnonymous(),
          Set.of(Role.EMPLOYEE, Role.PARTNER), T0));
      assertThat(store().spaces().find(stored.id())).contains(stored);
      assertThat(store().spaces().findBySlug(newSpace.slug())).contains(stored);
    }

    @Test
    @DisplayName("a slug already taken is a duplicate key, and the first space stays as it was")
    void insert_takenSlug_throwsDuplicateKey() {
      Space first = newSpace();

      assertThatThrownBy(() -> store().spaces().insert(space(first.slug())))
          .isInstanceOf(DuplicateKeyException.class);

      assertThat(store().spaces().findBySlug(first.slug())).contains(first);
      assertThat(store().spaces().list()).containsExactly(first);
    }

    @Test
    @DisplayName("list returns every space in id order")
    void list_severalSpaces_inIdOrder() {
      Space a = newSpace();
      Space b = newSpace();
      Space c = newSpace();

      assertThat(store().spaces().list()).containsExactly(a, b, c);
    }

    @Test
    @DisplayName("lookups of a missing space are empty")
    void find_missingSpace_isEmpty() {
      newSpace();

      assertThat(store().spaces().find(new SpaceId(987_654_321L))).isEmpty();
      assertThat(store().spaces().findBySlug(unique("nowhere"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("topics")
  class Topics {
    @Test
    @DisplayName("insert stores an open topic with no replies, score 0 and version 1, tags in the order given")
    void insert_newTopic_startsOpenWithTagsInOrder() {
      Space space = newSpace();
      Member author = newMember();
      NewTopic newTopic = new NewTopic(space.id(), space.kind(), "Router drops Wi-Fi every hour",
          List.of("zeta", "alpha", "mid-tag"), author.id(), true, 1.5, at(5));

      Topic stored = store().topics().insert(newTopic);

      assertThat(stored.id().value()).isPositive();
      assertThat(stored).isEqualTo(new Topic(stored.id(), space.id(), space.kind(), "Router drops Wi-Fi every hour",
          List.of("zeta", "alpha", "mid-tag"), author.id(), true, TopicStatus.OPEN, 0, 0, 1.5, at(5), at(5), 1));
      assertThat(store().topics().find(stored.id())).contains(stored);
    }

    @Test
    @DisplayName("a topic without tags comes back with an empty tag list")
    void insert_noTags_findsEmptyTags() {
      Topic stored = newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(store().topics().find(stored.id()).orElseThrow().tags()).isEmpty();
    }

    @Test
    @DisplayName("find of a missing topic is empty")
    void find_missingTopic_isEmpty() {
      assertThat(store().topics().find(new TopicId(987_654_321L))).isEmpty();
    }

    @Test
    @DisplayName("updateTitleAndTags at the current version replaces both, bumps the version and counts as activity")
    void updateTitleAndTags_currentVersion_updates() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0, "old", "tags");

      boolean updated = store().topics().updateTitleAndTags(topic.id(), 1, "Router drops Wi-Fi after an update",
          List.of("wifi", "firmware", "after-update"), at(60));

      assertThat(updated).isTrue();
      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.title()).isEqualTo("Router drops Wi-Fi after an update");
      assertThat(stored.tags()).containsExactly("wifi", "firmware", "after-update");
      assertThat(stored.version()).isEqualTo(2);
      assertThat(stored.lastActivityAt()).isEqualTo(at(60));
      assertThat(stored.createdAt()).isEqualTo(at(0));
    }

    @Test
    @DisplayName("updateTitleAndTags with a stale version changes nothing and says so")
    void updateTitleAndTags_staleVersion_returnsFalse() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0, "old");
      assertThat(store().topics().updateTitleAndTags(topic.id(), 1, "First edit of the title", List.of(), at(1)))
          .isTrue();
      Topic afterFirstEdit = store().topics().find(topic.id()).orElseThrow();

      boolean updated =
          store().topics().updateTitleAndTags(topic.id(), 1, "Second edit from a stale page", List.of("x"), at(2));

      assertThat(updated).isFalse();
      assertThat(store().topics().find(topic.id())).contains(afterFirstEdit);
      assertThat(store().topics().updateTitleAndTags(new TopicId(987_654_321L), 1, "Nobody's title", List.of(),
          at(3))).isFalse();
    }

    @Test
    @DisplayName("updateStatus at the current version sets the status and bumps the version; a stale one does not")
    void updateStatus_versionChecked() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(store().topics().updateStatus(topic.id(), 1, TopicStatus.CLOSED, at(10))).isTrue();
      assertThat(store().topics().updateStatus(topic.id(), 1, TopicStatus.LOCKED, at(20))).isFalse();

      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.status()).isEqualTo(TopicStatus.CLOSED);
      assertThat(stored.version()).isEqualTo(2);
      assertThat(store().topics().updateStatus(topic.id(), 2, TopicStatus.OPEN, at(30))).isTrue();
      assertThat(store().topics().find(topic.id()).orElseThrow().status()).isEqualTo(TopicStatus.OPEN);
      assertThat(store().topics().updateStatus(new TopicId(987_654_321L), 1, TopicStatus.OPEN, at(40))).isFalse();
    }

    @Test
    @DisplayName("addReplies moves the reply count by the delta and last activity only forward")
    void addReplies_movesCountAndActivityForward() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(store().topics().addReplies(topic.id(), 2, at(100))).isTrue();
      assertThat(store().topics().addReplies(topic.id(), -1, at(50))).isTrue();

      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.replyCount()).isEqualTo(1);
      assertThat(stored.lastActivityAt()).isEqualTo(at(100));
      assertThat(stored.version()).isEqualTo(1);
      assertThat(store().topics().addReplies(new TopicId(987_654_321L), 1, at(0))).isFalse();
    }

    @Test
    @DisplayName("addScore returns the new score, which find then shows")
    void addScore_returnsNewScore() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(store().topics().addScore(topic.id(), 3)).contains(3L);
      assertThat(store().topics().addScore(topic.id(), -5)).contains(-2L);

      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.score()).isEqualTo(-2);
      assertThat(stored.version()).isEqualTo(1);
      assertThat(store().topics().addScore(new TopicId(987_654_321L), 1)).isEmpty();
    }

    @Test
    @DisplayName("updateHot stores the hot rank")
    void updateHot_storesRank() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(store().topics().updateHot(topic.id(), 4321.0625)).isTrue();

      assertThat(store().topics().find(topic.id()).orElseThrow().hot()).isEqualTo(4321.0625);
      assertThat(store().topics().updateHot(new TopicId(987_654_321L), 1)).isFalse();
    }
  }

  /**
   * Seven topics whose ranks tie in every order, so that pages of two cut through ties. The expected orders are
   * written out by hand from this table, not computed:
   *
   * <pre>
   * topic  created  last activity  score  hot
   * T1     0        50             5      10.0
   * T2     10       10             5      12.5
   * T3     10       50             -1     10.0
   * T4     20       30             5      12.5
   * T5     20       20             0      10.0
   * T6     30       50             0      7.25
   * T7     5        40             2      12.5
   * </pre>
   */
  @Nested
  @DisplayName("topic listings")
  class TopicListings {
    private final Map<TopicId, String> names = new HashMap<>();
    private @Nullable Space space;

    @BeforeEach
    void sevenTopicsWithTies() {
      Space listed = newSpace();
      space = listed;
      Member author = newMember();
      insert(listed, author, "T1", 0, 50, 5, 10.0);
      insert(listed, author, "T2", 10, -1, 5, 12.5);
      insert(listed, author, "T3", 10, 50, -1, 10.0);
      insert(listed, author, "T4", 20, 30, 5, 12.5);
      insert(listed, author, "T5", 20, -1, 0, 10.0);
      insert(listed, author, "T6", 30, 50, 0, 7.25);
      insert(listed, author, "T7", 5, 40, 2, 12.5);
      // Ranks beyond all of the above, in another space: must never show up.
      Topic elsewhere = newTopic(newSpace(), author, at(1000), 99.0);
      store().topics().addScore(elsewhere.id(), 50);
    }

    @Test
    @DisplayName("LATEST pages newest first, ties broken by the higher id, strictly after each cursor")
    void latest_pagesThroughTies() {
      assertThat(pageThrough(ListingOrder.LATEST, 2)).containsExactly("T6", "T5", "T4", "T3", "T2", "T7", "T1");
    }

    @Test
    @DisplayName("ACTIVE pages by last activity, ties broken by the higher id")
    void active_pagesThroughTies() {
      assertThat(pageThrough(ListingOrder.ACTIVE, 2)).containsExactly("T6", "T3", "T1", "T7", "T4", "T5", "T2");
    }

    @Test
    @DisplayName("TOP pages by score, negative scores last, ties broken by the higher id")
    void top_pagesThroughTies() {
      assertThat(pageThrough(ListingOrder.TOP, 2)).containsExactly("T4", "T2", "T1", "T7", "T6", "T5", "T3");
    }

    @Test
    @DisplayName("HOT pages by hot rank, ties broken by the higher id")
    void hot_pagesThroughTies() {
      assertThat(pageThrough(ListingOrder.HOT, 2)).containsExactly("T7", "T4", "T2", "T5", "T3", "T1", "T6");
    }

    @Test
    @DisplayName("pages of three cut the same order at other places")
    void top_pagesOfThree_sameOrder() {
      assertThat(pageThrough(ListingOrder.TOP, 3)).containsExactly("T4", "T2", "T1", "T7", "T6", "T5", "T3");
    }

    @Test
    @DisplayName("a page holds at most the limit, and listed topics equal what find returns")
    void list_limit_returnsFullTopics() {
      List<Topic> page = store().topics().list(query(ListingOrder.LATEST, Optional.empty(), 3));

      assertThat(page).hasSize(3);
      assertThat(page).containsExactly(page.stream().map(t -> store().topics().find(t.id()).orElseThrow())
          .toArray(Topic[]::new));
    }

    private List<String> pageThrough(ListingOrder order, int limit) {
      List<String> seen = new ArrayList<>();
      Optional<ListingCursor> after = Optional.empty();
      for (int pages = 0; pages < 10; pages++) {
        List<Topic> page = store().topics().list(query(order, after, limit));
        assertThat(page).hasSizeLessThanOrEqualTo(limit);
        if (page.isEmpty()) {
          return seen;
        }
        page.forEach(t -> seen.add(names.get(t.id())));
        Topic last = page.get(page.size() - 1);
        after = Optional.of(new ListingCursor(TopicQuery.rankOf(order, last), last.id().value()));
      }
      throw new AssertionError("the listing did not end after 10 pages; pages so far: " + seen);
    }

    private TopicQuery query(ListingOrder order, Optional<ListingCursor> after, int limit) {
      return new TopicQuery(requireNonNull(space).id(), order, Set.of(TopicStatus.OPEN), Optional.empty(), after,
          limit);
    }

    /** Inserts a topic; an activity second of -1 means no reply, so activity stays at creation. */
    private void insert(Space in, Member author, String name, long created, long activity, long score, double hot) {
      Topic topic = newTopic(in, author, at(created), hot);
      if (activity >= 0) {
        store().topics().addReplies(topic.id(), 1, at(activity));
      }
      store().topics().addScore(topic.id(), score);
      names.put(topic.id(), name);
    }
  }

  @Nested
  @DisplayName("topic listing filters")
  class TopicListingFilters {
    @Test
    @DisplayName("a tag filter lists only topics carrying the tag, each with all its tags, and pages")
    void tagFilter_listsTaggedTopicsOnly() {
      Space space = newSpace();
      Member author = newMember();
      Topic a = newTopic(space, author, at(1), 0, "wifi", "router");
      Topic b = newTopic(space, author, at(2), 0, "router");
      Topic c = newTopic(space, author, at(3), 0, "wifi");
      newTopic(space, author, at(4), 0);

      assertThat(list(space, Set.of(TopicStatus.OPEN), Optional.of("router"), Optional.empty(), 10))
          .containsExactly(b, a);
      List<Topic> firstPage = list(space, Set.of(TopicStatus.OPEN), Optional.of("wifi"), Optional.empty(), 1);
      assertThat(firstPage).containsExactly(c);
      assertThat(list(space, Set.of(TopicStatus.OPEN), Optional.of("wifi"), cursorAfter(c), 1)).containsExactly(a);
      assertThat(list(space, Set.of(TopicStatus.OPEN), Optional.of("wifi"), cursorAfter(a), 1)).isEmpty();
      assertThat(list(space, Set.of(TopicStatus.OPEN), Optional.of("nothing"), Optional.empty(), 10)).isEmpty();
    }

    @Test
    @DisplayName("a status filter lists only topics in the given statuses")
    void statusFilter_listsGivenStatusesOnly() {
      Space space = newSpace();
      Member author = newMember();
      Topic open = newTopic(space, author, at(1), 0);
      Topic closed = newTopic(space, author, at(2), 0);
      Topic locked = newTopic(space, author, at(3), 0);
      store().topics().updateStatus(closed.id(), 1, TopicStatus.CLOSED, at(10));
      store().topics().updateStatus(locked.id(), 1, TopicStatus.LOCKED, at(10));

      assertThat(ids(list(space, Set.of(TopicStatus.OPEN), Optional.empty(), Optional.empty(), 10)))
          .containsExactly(open.id());
      assertThat(ids(list(space, Set.of(TopicStatus.OPEN, TopicStatus.CLOSED), Optional.empty(), Optional.empty(),
          10))).containsExactly(closed.id(), open.id());
      assertThat(ids(list(space, Set.of(TopicStatus.LOCKED), Optional.empty(), Optional.empty(), 10)))
          .containsExactly(locked.id());
    }

    @Test
    @DisplayName("an empty space lists nothing")
    void emptySpace_listsNothing() {
      newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(list(newSpace(), Set.of(TopicStatus.OPEN), Optional.empty(), Optional.empty(), 200)).isEmpty();
    }

    private List<Topic> list(
        Space space, Set<TopicStatus> statuses, Optional<String> tag, Optional<ListingCursor> after, int limit) {
      return store().topics().list(new TopicQuery(space.id(), ListingOrder.LATEST, statuses, tag, after, limit));
    }

    private Optional<ListingCursor> cursorAfter(Topic topic) {
      return Optional.of(new ListingCursor(TopicQuery.rankOf(ListingOrder.LATEST, topic), topic.id().value()));
    }

    private List<TopicId> ids(List<Topic> topics) {
      return topics.stream().map(Topic::id).toList();
    }
  }

  @Nested
  @DisplayName("posts")
  class Posts {
    @Test
    @DisplayName("insert stores score 0, no votes and version 1, and keeps every field")
    void insert_newPost_keepsEveryField() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      Member author = newMember();
      NewPost newPost = new NewPost(topic.id(), topic.spaceId(), author.id(), true, true,
          content("**Bold** claim"), PostStatus.PENDING, at(7));

      Post stored = store().posts().insert(newPost);

      assertThat(stored.id().value()).isPositive();
      assertThat(stored).isEqualTo(new Post(stored.id(), topic.id(), topic.spaceId(), author.id(), true, true,
          content("**Bold** claim"), PostStatus.PENDING, 0, 0, 0, at(7), at(7), 1));
      assertThat(store().posts().find(stored.id())).contains(stored);
    }

    @Test
    @DisplayName("content without a sentiment comes back without one")
    void insert_noSentiment_findsNoSentiment() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      PostContent plain = new PostContent("plain", "<p>plain</p>", 1, Optional.empty());

      Post stored = store().posts().insert(new NewPost(topic.id(), topic.spaceId(), topic.authorId(), false, false,
          plain, PostStatus.PUBLISHED, at(1)));

      assertThat(store().posts().find(stored.id()).orElseThrow().content()).isEqualTo(plain);
    }

    @Test
    @DisplayName("find of a missing post is empty")
    void find_missingPost_isEmpty() {
      assertThat(store().posts().find(new PostId(987_654_321L))).isEmpty();
    }

    @Test
    @DisplayName("listByTopic pages a topic's posts in posting order, in the given statuses only")
    void listByTopic_pagesInPostingOrder() {
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0);
      Topic other = newTopic(space, author, at(0), 0);
      Post p1 = newPost(topic, author, PostStatus.PUBLISHED);
      Post p2 = newPost(topic, author, PostStatus.PUBLISHED);
      newPost(other, author, PostStatus.PUBLISHED);
      Post p3 = newPost(topic, author, PostStatus.HIDDEN);
      Post p4 = newPost(topic, author, PostStatus.PUBLISHED);
      Post p5 = newPost(topic, author, PostStatus.PUBLISHED);
      Set<PostStatus> published = Set.of(PostStatus.PUBLISHED);

      assertThat(store().posts().listByTopic(topic.id(), published, Optional.empty(), 2)).containsExactly(p1, p2);
      assertThat(store().posts().listByTopic(topic.id(), published, Optional.of(p2.id()), 2))
          .containsExactly(p4, p5);
      assertThat(store().posts().listByTopic(topic.id(), published, Optional.of(p5.id()), 2)).isEmpty();
      assertThat(store().posts().listByTopic(topic.id(), Set.of(PostStatus.PUBLISHED, PostStatus.HIDDEN),
          Optional.empty(), 200)).containsExactly(p1, p2, p3, p4, p5);
      assertThat(store().posts().listByTopic(topic.id(), Set.of(PostStatus.HIDDEN), Optional.empty(), 200))
          .containsExactly(p3);
    }

    @Test
    @DisplayName("updateContent at the current version replaces the content, bumps the version and the update time")
    void updateContent_currentVersion_updates() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      PostContent edited = content("Edited: update the firmware to 2.2");

      assertThat(store().posts().updateContent(post.id(), 1, edited, at(60))).isTrue();

      Post stored = store().posts().find(post.id()).orElseThrow();
      assertThat(stored.content()).isEqualTo(edited);
      assertThat(stored.version()).isEqualTo(2);
      assertThat(stored.updatedAt()).isEqualTo(at(60));
      assertThat(stored.createdAt()).isEqualTo(post.createdAt());
    }

    @Test
    @DisplayName("updateContent with a stale version or a missing post changes nothing and says so")
    void updateContent_staleVersion_returnsFalse() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      store().posts().updateContent(post.id(), 1, content("first edit"), at(60));
      Post afterFirstEdit = store().posts().find(post.id()).orElseThrow();

      assertThat(store().posts().updateContent(post.id(), 1, content("stale edit"), at(70))).isFalse();

      assertThat(store().posts().find(post.id())).contains(afterFirstEdit);
      assertThat(store().posts().updateContent(new PostId(987_654_321L), 1, content("x"), at(80))).isFalse();
    }

    @Test
    @DisplayName("updateStatus sets the status, bumps the version and the update time")
    void updateStatus_setsStatus() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PENDING);

      assertThat(store().posts().updateStatus(post.id(), PostStatus.PUBLISHED, at(30))).isTrue();

      Post stored = store().posts().find(post.id()).orElseThrow();
      assertThat(stored.status()).isEqualTo(PostStatus.PUBLISHED);
      assertThat(stored.version()).isEqualTo(2);
      assertThat(stored.updatedAt()).isEqualTo(at(30));
      assertThat(store().posts().updateStatus(new PostId(987_654_321L), PostStatus.DELETED, at(40))).isFalse();
    }

    @Test
    @DisplayName("addVotes moves both counters, returns the new score, and is no edit: the version stays")
    void addVotes_returnsNewScore() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);

      assertThat(store().posts().addVotes(post.id(), 3, 1)).contains(2L);
      assertThat(store().posts().addVotes(post.id(), 0, 2)).contains(0L);
      assertThat(store().posts().addVotes(post.id(), -1, 0)).contains(-1L);

      Post stored = store().posts().find(post.id()).orElseThrow();
      assertThat(stored.upVotes()).isEqualTo(2);
      assertThat(stored.downVotes()).isEqualTo(3);
      assertThat(stored.score()).isEqualTo(-1);
      assertThat(stored.version()).isEqualTo(1);
      assertThat(store().posts().addVotes(new PostId(987_654_321L), 1, 0)).isEmpty();
    }
  }

  @Nested
  @DisplayName("votes")
  class Votes {
    @Test
    @DisplayName("an inserted vote is found with every field")
    void insert_thenFind_returnsVote() {
      Post post = somePost();
      Member voter = newMember();
      Vote vote = new Vote(voter.id(), post.id(), VoteDirection.DOWN, at(9));

      store().votes().insert(vote);

      assertThat(store().votes().find(voter.id(), post.id())).contains(vote);
    }

    @Test
    @DisplayName("a second vote by the same voter on the same post is a duplicate key, whatever its direction")
    void insert_secondVote_throwsDuplicateKey() {
      Post post = somePost();
      Member voter = newMember();
      Vote first = new Vote(voter.id(), post.id(), VoteDirection.UP, at(1));
      store().votes().insert(first);

      assertThatThrownBy(() -> store().votes().insert(new Vote(voter.id(), post.id(), VoteDirection.DOWN, at(2))))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> store().votes().insert(first)).isInstanceOf(DuplicateKeyException.class);

      assertThat(store().votes().find(voter.id(), post.id())).contains(first);
      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(1, 0));
    }

    @Test
    @DisplayName("one voter may vote on many posts, and many voters on one post")
    void insert_otherPostOrOtherVoter_isAllowed() {
      Post post = somePost();
      Post otherPost = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      Member voter = newMember();
      Member otherVoter = newMember();

      store().votes().insert(new Vote(voter.id(), post.id(), VoteDirection.UP, at(1)));
      store().votes().insert(new Vote(voter.id(), otherPost.id(), VoteDirection.UP, at(1)));
      store().votes().insert(new Vote(otherVoter.id(), post.id(), VoteDirection.UP, at(1)));

      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(2, 0));
      assertThat(store().votes().tally(otherPost.id())).isEqualTo(new VoteTally(1, 0));
    }

    @Test
    @DisplayName("find of a missing vote is empty")
    void find_noVote_isEmpty() {
      assertThat(store().votes().find(newMember().id(), somePost().id())).isEmpty();
    }

    @Test
    @DisplayName("findByVoter returns the voter's votes on the given posts only")
    void findByVoter_returnsVotesOnGivenPosts() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      Member author = newMember();
      Post p1 = newPost(topic, author, PostStatus.PUBLISHED);
      Post p2 = newPost(topic, author, PostStatus.PUBLISHED);
      Post p3 = newPost(topic, author, PostStatus.PUBLISHED);
      Post p4 = newPost(topic, author, PostStatus.PUBLISHED);
      Member voter = newMember();
      Member other = newMember();
      Vote v1 = new Vote(voter.id(), p1.id(), VoteDirection.UP, at(1));
      Vote v3 = new Vote(voter.id(), p3.id(), VoteDirection.DOWN, at(3));
      store().votes().insert(v1);
      store().votes().insert(v3);
      store().votes().insert(new Vote(voter.id(), p4.id(), VoteDirection.UP, at(4)));
      store().votes().insert(new Vote(other.id(), p2.id(), VoteDirection.UP, at(2)));

      assertThat(store().votes().findByVoter(voter.id(), List.of(p1.id(), p2.id(), p3.id())))
          .containsExactlyInAnyOrder(v1, v3);
      assertThat(store().votes().findByVoter(voter.id(), List.of())).isEmpty();
    }

    @Test
    @DisplayName("update replaces direction and time of an existing vote, and says whether there was one")
    void update_existingVote_replacesDirection() {
      Post post = somePost();
      Member voter = newMember();
      store().votes().insert(new Vote(voter.id(), post.id(), VoteDirection.UP, at(1)));
      Vote changed = new Vote(voter.id(), post.id(), VoteDirection.DOWN, at(50));

      assertThat(store().votes().update(changed)).isTrue();

      assertThat(store().votes().find(voter.id(), post.id())).contains(changed);
      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(0, 1));
      assertThat(store().votes().update(new Vote(newMember().id(), post.id(), VoteDirection.UP, at(1)))).isFalse();
    }

    @Test
    @DisplayName("delete removes the vote once")
    void delete_existingVote_removesIt() {
      Post post = somePost();
      Member voter = newMember();
      store().votes().insert(new Vote(voter.id(), post.id(), VoteDirection.UP, at(1)));

      assertThat(store().votes().delete(voter.id(), post.id())).isTrue();

      assertThat(store().votes().find(voter.id(), post.id())).isEmpty();
      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(0, 0));
      assertThat(store().votes().delete(voter.id(), post.id())).isFalse();
    }

    @Test
    @DisplayName("tally counts up and down votes from the vote rows of one post")
    void tally_countsRowsOfOnePost() {
      Post post = somePost();
      Post otherPost = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      for (VoteDirection direction : List.of(VoteDirection.UP, VoteDirection.UP, VoteDirection.DOWN,
          VoteDirection.UP)) {
        store().votes().insert(new Vote(newMember().id(), post.id(), direction, at(1)));
      }
      store().votes().insert(new Vote(newMember().id(), otherPost.id(), VoteDirection.DOWN, at(1)));

      VoteTally tally = store().votes().tally(post.id());

      assertThat(tally).isEqualTo(new VoteTally(3, 1));
      assertThat(tally.score()).isEqualTo(2);
      assertThat(store().votes().tally(newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(),
          PostStatus.PUBLISHED).id())).isEqualTo(new VoteTally(0, 0));
    }

    private Post somePost() {
      return newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
    }
  }

  @Nested
  @DisplayName("revisions")
  class Revisions {
    @Test
    @DisplayName("list returns a post's revisions oldest first, and no other post's")
    void list_returnsOldestFirst() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      Member editor = newMember();
      Post post = newPost(topic, editor, PostStatus.PUBLISHED);
      Post other = newPost(topic, editor, PostStatus.PUBLISHED);
      Revision r1 = new Revision(post.id(), 1, editor.id(), Optional.of("The first title of it"), "one", at(10));
      Revision r2 = new Revision(post.id(), 2, editor.id(), Optional.empty(), "two", at(20));
      Revision r3 = new Revision(post.id(), 3, editor.id(), Optional.empty(), "three", at(30));

      store().revisions().insert(r1);
      store().revisions().insert(new Revision(other.id(), 1, editor.id(), Optional.empty(), "other", at(15)));
      store().revisions().insert(r2);
      store().revisions().insert(r3);

      assertThat(store().revisions().list(post.id())).containsExactly(r1, r2, r3);
    }

    @Test
    @DisplayName("a post never edited has no revisions")
    void list_neverEdited_isEmpty() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);

      assertThat(store().revisions().list(post.id())).isEmpty();
    }
  }

  @Nested
  @DisplayName("outbox")
  class Outbox {
    @Test
    @DisplayName("append keeps every field and gives increasing ids")
    void append_keepsFieldsWithIncreasingIds() {
      NewEvent first = event("topic.created", 11, at(1));

      CommunityEvent a = store().outbox().append(first);
      CommunityEvent b = store().outbox().append(event("post.created", 12, at(2)));
      CommunityEvent c = store().outbox().append(event("vote.cast", 11, at(3)));

      assertThat(a).isEqualTo(new CommunityEvent(a.id(), "topic.created", 2, "topic", 11, "{\"topicId\":11}",
          at(1)));
      assertThat(b.id().value()).isGreaterThan(a.id().value());
      assertThat(c.id().value()).isGreaterThan(b.id().value());
    }

    @Test
    @DisplayName("listAfter pages through the events in id order")
    void listAfter_pagesInIdOrder() {
      List<CommunityEvent> appended = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        appended.add(store().outbox().append(event("post.created", i, at(i))));
      }

      assertThat(store().outbox().listAfter(Optional.empty(), 1000)).containsExactlyElementsOf(appended);
      assertThat(store().outbox().listAfter(Optional.empty(), 2)).containsExactly(appended.get(0), appended.get(1));
      assertThat(store().outbox().listAfter(Optional.of(appended.get(1).id()), 2))
          .containsExactly(appended.get(2), appended.get(3));
      assertThat(store().outbox().listAfter(Optional.of(appended.get(3).id()), 2)).containsExactly(appended.get(4));
      assertThat(store().outbox().listAfter(Optional.of(appended.get(4).id()), 2)).isEmpty();
    }

    @Test
    @DisplayName("an empty outbox lists nothing")
    void listAfter_empty_isEmpty() {
      assertThat(store().outbox().listAfter(Optional.empty(), 10)).isEmpty();
      assertThat(store().outbox().listAfter(Optional.of(new EventId(987_654_321L)), 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("transactions")
  class Transactions {
    @Test
    @DisplayName("a transaction returns its work's result and commits, visibly to other threads")
    void inTransaction_commits() throws Exception {
      String externalId = unique("user");

      String result = tx().inTransaction(() -> {
        store().members().insert(member(externalId));
        return "done";
      });

      assertThat(result).isEqualTo("done");
      assertThat(onAnotherThread(() -> store().members().findByExternalId(externalId))).isPresent();
    }

    @Test
    @DisplayName("work that throws leaves nothing written, in any store, and its exception propagates unchanged")
    void inTransaction_throws_rollsBackEveryStore() {
      Member member = newMember();
      Member neighbour = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, member, at(0), 1.0, "wifi");
      Post post = newPost(topic, member, PostStatus.PUBLISHED);
      Vote neighbourVote = new Vote(neighbour.id(), post.id(), VoteDirection.UP, at(1));
      store().votes().insert(neighbourVote);
      store().posts().addVotes(post.id(), 1, 0);
      Post postBefore = store().posts().find(post.id()).orElseThrow();
      Topic topicBefore = store().topics().find(topic.id()).orElseThrow();
      String externalId = unique("user");
      String slug = unique("space");
      AtomicReference<@Nullable Topic> newTopic = new AtomicReference<>();
      AtomicReference<@Nullable Post> newPost = new AtomicReference<>();
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        store().members().insert(member(externalId));
        store().members().updateProfile(member.id(), profile("Renamed Member"));
        store().members().updateStatus(member.id(), MemberStatus.DEACTIVATED);
        store().spaces().insert(space(slug));
        newTopic.set(newTopic(space, member, at(5), 2.0));
        newPost.set(newPost(topic, member, PostStatus.PUBLISHED));
        store().topics().updateTitleAndTags(topic.id(), 1, "A title that must not stay", List.of("gone"), at(9));
        store().topics().updateStatus(topic.id(), 2, TopicStatus.LOCKED, at(9));
        store().topics().addReplies(topic.id(), 1, at(9));
        store().topics().addScore(topic.id(), 4);
        store().topics().updateHot(topic.id(), 77.0);
        store().posts().addVotes(post.id(), 1, 0);
        store().votes().insert(new Vote(member.id(), post.id(), VoteDirection.UP, at(9)));
        store().votes().delete(neighbour.id(), post.id());
        store().posts().updateContent(post.id(), 1, content("an edit that must not stay"), at(9));
        store().posts().updateStatus(post.id(), PostStatus.HIDDEN, at(9));
        store().revisions().insert(new Revision(post.id(), 1, member.id(), Optional.empty(), "old", at(9)));
        store().outbox().append(event("post.edited", post.id().value(), at(9)));
        throw boom;
      })).isSameAs(boom);

      assertThat(store().members().findByExternalId(externalId)).isEmpty();
      assertThat(store().members().find(member.id())).contains(member);
      assertThat(store().spaces().findBySlug(slug)).isEmpty();
      assertThat(store().spaces().list()).containsExactly(space);
      assertThat(store().topics().find(requireNonNull(newTopic.get()).id())).isEmpty();
      assertThat(store().topics().find(topic.id())).contains(topicBefore);
      assertThat(store().posts().find(requireNonNull(newPost.get()).id())).isEmpty();
      assertThat(store().posts().find(post.id())).contains(postBefore);
      assertThat(store().votes().find(member.id(), post.id())).isEmpty();
      assertThat(store().votes().find(neighbour.id(), post.id())).contains(neighbourVote);
      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(1, 0));
      assertThat(store().revisions().list(post.id())).isEmpty();
      assertThat(store().outbox().listAfter(Optional.empty(), 1000)).isEmpty();
    }

    @Test
    @DisplayName("a domain exception thrown by the work propagates as the same instance, not wrapped")
    void inTransaction_conflict_propagatesUnchanged() {
      ConflictException conflict = new ConflictException("topic.version", "the topic changed meanwhile");

      assertThatThrownBy(() -> tx().inTransaction(() -> {
        newMember();
        throw conflict;
      })).isSameAs(conflict);
    }

    @Test
    @DisplayName("a nested transaction joins the outer one: it sees the outer writes, and both commit together")
    void nested_joinsOuter() {
      String outerId = unique("outer");
      String innerId = unique("inner");

      String result = tx().inTransaction(() -> {
        store().members().insert(member(outerId));
        return tx().inTransaction(() -> {
          assertThat(store().members().findByExternalId(outerId)).isPresent();
          store().members().insert(member(innerId));
          return "inner result";
        });
      });

      assertThat(result).isEqualTo("inner result");
      assertThat(store().members().findByExternalId(outerId)).isPresent();
      assertThat(store().members().findByExternalId(innerId)).isPresent();
    }

    @Test
    @DisplayName("a nested transaction that throws rolls back the outer one too, and its exception propagates")
    void nested_throws_rollsBackOuter() {
      String outerId = unique("outer");
      String innerId = unique("inner");
      IllegalArgumentException boom = new IllegalArgumentException("inner failure");

      assertThatThrownBy(() -> tx().run(() -> {
        store().members().insert(member(outerId));
        tx().run(() -> {
          store().members().insert(member(innerId));
          throw boom;
        });
      })).isSameAs(boom);

      assertThat(store().members().findByExternalId(outerId)).isEmpty();
      assertThat(store().members().findByExternalId(innerId)).isEmpty();
    }

    @Test
    @DisplayName("other threads never see a transaction's writes before it commits, nor after it rolls back")
    void uncommittedWrites_invisibleToOtherThreads() throws Exception {
      String externalId = unique("user");
      ExecutorService reader = Executors.newSingleThreadExecutor();
      try {
        AtomicReference<@Nullable Future<Optional<Member>>> seen = new AtomicReference<>();
        IllegalStateException boom = new IllegalStateException("roll back");

        assertThatThrownBy(() -> tx().run(() -> {
          store().members().insert(member(externalId));
          // The reader either reads committed data at once or waits for this transaction: both must miss the row.
          seen.set(reader.submit(() -> store().members().findByExternalId(externalId)));
          sleep(200);
          throw boom;
        })).isSameAs(boom);

        assertThat(requireNonNull(seen.get()).get(30, TimeUnit.SECONDS)).isEmpty();
      } finally {
        reader.shutdownNow();
      }
    }

    @Test
    @DisplayName("after a duplicate key the store is still usable")
    void duplicateKey_storeStaysUsable() {
      String externalId = unique("user");
      store().members().insert(member(externalId));
      assertThatThrownBy(() -> tx().run(() -> store().members().insert(member(externalId))))
          .isInstanceOf(DuplicateKeyException.class);

      Member next = tx().inTransaction(() -> store().members().insert(member(unique("user"))));

      assertThat(store().members().find(next.id())).contains(next);
    }
  }

  @Nested
  @DisplayName("concurrency")
  class Concurrency {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads casting 200 votes each on one post lose none: score and tally are both 3200")
    void concurrentVotes_loseNothing() throws Exception {
      int votesPerThread = 200;
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      List<List<Member>> voters = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        voters.add(tx().inTransaction(() -> {
          List<Member> batch = new ArrayList<>();
          for (int i = 0; i < votesPerThread; i++) {
            batch.add(store().members().insert(member(unique("voter"))));
          }
          return batch;
        }));
      }

      Queue<Throwable> failures = runConcurrently(thread -> {
        for (Member voter : voters.get(thread)) {
          withTransientRetry(() -> tx().inTransaction(() -> {
            // Counter first, then the vote row: on InnoDB the other order upgrades a shared lock and deadlocks.
            store().posts().addVotes(post.id(), 1, 0);
            store().votes().insert(new Vote(voter.id(), post.id(), VoteDirection.UP, at(1)));
            return null;
          }));
        }
      });

      assertThat(failures).isEmpty();
      long expected = (long) THREADS * votesPerThread;
      Post stored = store().posts().find(post.id()).orElseThrow();
      assertThat(stored.score()).isEqualTo(expected);
      assertThat(stored.upVotes()).isEqualTo(expected);
      assertThat(stored.downVotes()).isZero();
      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(expected, 0));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads racing to cast the same member's vote: one wins, the others get a duplicate key and "
        + "their counter updates roll back")
    void concurrentDuplicateVotes_oneWins() throws Exception {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      Member voter = newMember();
      Queue<Throwable> duplicates = new ConcurrentLinkedQueue<>();

      Queue<Throwable> failures = runConcurrently(thread -> {
        try {
          withTransientRetry(() -> tx().inTransaction(() -> {
            store().posts().addVotes(post.id(), 1, 0);
            store().votes().insert(new Vote(voter.id(), post.id(), VoteDirection.UP, at(thread)));
            return null;
          }));
        } catch (DuplicateKeyException expected) {
          duplicates.add(expected);
        }
      });

      assertThat(failures).isEmpty();
      assertThat(duplicates).hasSize(THREADS - 1);
      assertThat(store().posts().find(post.id()).orElseThrow().score()).isEqualTo(1);
      assertThat(store().votes().tally(post.id())).isEqualTo(new VoteTally(1, 0));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads updating one topic's counters lose nothing, and each sees its own new score")
    void concurrentTopicCounters_loseNothing() throws Exception {
      int updatesPerThread = 100;
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      Queue<Long> scoresSeen = new ConcurrentLinkedQueue<>();

      Queue<Throwable> failures = runConcurrently(thread -> {
        for (int i = 0; i < updatesPerThread; i++) {
          Instant activity = at(thread * 1000L + i);
          scoresSeen.add(withTransientRetry(() -> tx().inTransaction(() -> {
            store().topics().addReplies(topic.id(), 1, activity);
            return store().topics().addScore(topic.id(), 1).orElseThrow();
          })));
        }
      });

      assertThat(failures).isEmpty();
      long expected = (long) THREADS * updatesPerThread;
      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.replyCount()).isEqualTo(expected);
      assertThat(stored.score()).isEqualTo(expected);
      assertThat(stored.lastActivityAt()).isEqualTo(at((THREADS - 1) * 1000L + updatesPerThread - 1));
      assertThat(stored.version()).isEqualTo(1);
      // Each transaction read the score its own update produced: every value from 1 to the total, once.
      assertThat(scoresSeen).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, expected).boxed().toList());
    }

    /** Runs the task on {@link #THREADS} threads started together; returns what escaped the tasks. */
    private Queue<Throwable> runConcurrently(IntConsumer task) throws Exception {
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
  }

  /**
   * Retries a whole transaction that failed transiently, a bounded number of times, as core does for every command.
   * Only {@link TransientStorageException} is retried: any other failure escapes at once.
   */
  private static <T> T withTransientRetry(Supplier<T> transaction) {
    int attempts = 10;
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (TransientStorageException e) {
        if (attempt == attempts) {
          throw e;
        }
        sleep(ThreadLocalRandom.current().nextInt(1, 10 * attempt));
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  private static <T> T onAnotherThread(Supplier<T> work) throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      return CompletableFuture.supplyAsync(work, other).get(30, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }
  }

  private Transactor tx() {
    return store().transactor();
  }

  private Member newMember() {
    return store().members().insert(member(unique("user")));
  }

  private Space newSpace() {
    return store().spaces().insert(space(unique("space")));
  }

  private Topic newTopic(Space space, Member author, Instant createdAt, double hot, String... tags) {
    return store().topics().insert(topic(space, author.id(), List.of(tags), hot, createdAt));
  }

  private Post newPost(Topic topic, Member author, PostStatus status) {
    return store().posts().insert(post(topic, author.id(), status, at(1)));
  }
}
