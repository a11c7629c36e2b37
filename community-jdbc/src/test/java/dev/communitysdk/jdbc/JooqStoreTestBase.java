package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.ModerationMode;
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
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.sentiment.SentimentScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter's behaviour on one database: every store, transactions, counters and keyset listings. Subclasses pick
 * the database; the schema is migrated once per class and each test makes its own members, spaces and topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JooqStoreTestBase {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  /** Nanoseconds on purpose: the store keeps microseconds. */
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

  private ScratchDatabase database;
  JooqCommunityStore store;

  abstract ScratchDatabase openDatabase();

  @BeforeAll
  void migrate() {
    database = openDatabase();
    store = JooqCommunityStore.create(database.dataSource(), JooqStoreOptions.defaults()
        .withSchemaMode(SchemaMode.MIGRATE));
  }

  @AfterAll
  void drop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void migrate_again_leavesSchemaValid() {
    store.migrate();

    store.validate();
  }

  @Test
  void migrate_besideHostFlywayHistory_neverTouchesIt() {
    try (ScratchDatabase hostDatabase = openDatabase()) {
      Flyway host = Flyway.configure().dataSource(hostDatabase.dataSource()).locations("classpath:db/hostapp").load();
      host.migrate();

      JooqCommunityStore.create(hostDatabase.dataSource(), JooqStoreOptions.defaults()
          .withSchemaMode(SchemaMode.MIGRATE));

      assertThat(host.info().applied()).extracting(m -> m.getVersion().getVersion()).containsExactly("1");
      Flyway community = Flyway.configure().dataSource(hostDatabase.dataSource()).table("cm_schema_history")
          .locations("classpath:" + store.database().migrationsLocation()).load();
      assertThat(community.info().applied()).extracting(m -> m.getVersion().getVersion()).containsExactly("0", "1");
      assertThat(host.migrate().migrationsExecuted).isZero();
      host.validate();
    }
  }

  @Test
  void memberInsert_thenFind_roundTripsEveryField() {
    MemberProfile profile = new MemberProfile("Ada Lovelace", Optional.of("ada@example.com"),
        Set.of(Role.EXPERT, Role.MODERATOR), Optional.of("acme"), Optional.of("en-GB"));
    Member inserted = store.members().insert(new NewMember(unique("ada"), profile, 7, T0));

    Optional<Member> found = store.members().find(inserted.id());

    assertThat(found).contains(inserted);
    assertThat(inserted.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
    assertThat(found.get().profile().roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.EXPERT, Role.MODERATOR);
    assertThat(store.members().findByExternalId(inserted.externalId())).contains(inserted);
  }

  @Test
  void timestamps_inADaylightSavingGapOfTheJvmZone_roundTripUnchanged() {
    // 02:30 on 29 March 2026 does not exist in Central Europe: a conversion through the JVM zone would shift it.
    Instant gap = Instant.parse("2026-03-29T02:30:00.000001Z");
    Member member = store.members().insert(new NewMember(unique("dst"), profile("Dst"), 1, gap));

    assertThat(store.members().find(member.id()).orElseThrow().createdAt()).isEqualTo(gap);
  }

  @Test
  void memberInsert_withExistingExternalId_throwsDuplicateKey() {
    Member first = member();

    assertThatThrownBy(() -> store.members().insert(
        new NewMember(first.externalId(), first.profile(), 1, T0))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void memberFindAll_withDuplicatesAndUnknownIds_returnsEachExistingOnce() {
    Member a = member();
    Member b = member();

    List<Member> found = store.members().findAll(List.of(a.id(), b.id(), a.id(), new MemberId(Long.MAX_VALUE)));

    assertThat(found).containsExactlyInAnyOrder(a, b);
    assertThat(store.members().findAll(List.of())).isEmpty();
  }

  @Test
  void memberUpdates_unchangedValues_stillReportTheMemberExists() {
    Member a = member();

    assertThat(store.members().updateProfile(a.id(), a.profile())).isTrue();
    assertThat(store.members().updateStatus(a.id(), MemberStatus.DEACTIVATED)).isTrue();
    assertThat(store.members().updateStatus(a.id(), MemberStatus.DEACTIVATED)).isTrue();
    assertThat(store.members().updateStatus(new MemberId(Long.MAX_VALUE), MemberStatus.ACTIVE)).isFalse();
    assertThat(store.members().find(a.id()).orElseThrow().status()).isEqualTo(MemberStatus.DEACTIVATED);
  }

  @Test
  void spaceInsert_thenFindAndList_roundTrips() {
    Space space = store.spaces().insert(new NewSpace(unique("support"), "Support", "", SpaceKind.QUESTIONS,
        Visibility.RESTRICTED, ModerationMode.NEW_MEMBERS, true, Set.of(Role.EMPLOYEE, Role.PARTNER), T0));

    assertThat(store.spaces().find(space.id())).contains(space);
    assertThat(store.spaces().findBySlug(space.slug())).contains(space);
    assertThat(store.spaces().list()).contains(space).isSortedAccordingTo(
        Comparator.comparingLong(s -> s.id().value()));
    assertThatThrownBy(() -> store.spaces().insert(new NewSpace(space.slug(), "Again", "", SpaceKind.IDEAS,
        Visibility.PUBLIC, ModerationMode.AUTO, false, Set.of(), T0))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void topicInsert_thenFind_keepsTagsInGivenOrder() {
    Space space = space();
    Topic topic = store.topics().insert(new NewTopic(space.id(), SpaceKind.DISCUSSION, "Router drops Wi-Fi hourly",
        List.of("wifi", "router", "firmware"), member().id(), true, 1.5, T0));

    assertThat(store.topics().find(topic.id())).contains(topic);
    assertThat(topic.tags()).containsExactly("wifi", "router", "firmware");
    assertThat(topic.version()).isEqualTo(1);
    assertThat(topic.lastActivityAt()).isEqualTo(topic.createdAt());
    assertThat(store.topics().find(new TopicId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void topicUpdateTitleAndTags_withStaleVersion_changesNothing() {
    Topic topic = topic(space(), T0, List.of("a"));

    assertThat(store.topics().updateTitleAndTags(topic.id(), 2, "Another title here", List.of("b"), T0)).isFalse();
    assertThat(store.topics().find(topic.id())).contains(topic);
  }

  @Test
  void topicUpdateTitleAndTags_withCurrentVersion_replacesBoth() {
    Topic topic = topic(space(), T0, List.of("a", "b"));
    Instant later = T0.plusSeconds(60);

    assertThat(store.topics().updateTitleAndTags(topic.id(), 1, "Another title here", List.of("c", "a"), later))
        .isTrue();

    Topic updated = store.topics().find(topic.id()).orElseThrow();
    assertThat(updated.title()).isEqualTo("Another title here");
    assertThat(updated.tags()).containsExactly("c", "a");
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.lastActivityAt()).isEqualTo(Times.truncate(later));
  }

  @Test
  void topicUpdateStatus_withVersion_bumpsVersionOnce() {
    Topic topic = topic(space(), T0, List.of());

    assertThat(store.topics().updateStatus(topic.id(), 1, TopicStatus.CLOSED, T0)).isTrue();
    assertThat(store.topics().updateStatus(topic.id(), 1, TopicStatus.LOCKED, T0)).isFalse();

    Topic updated = store.topics().find(topic.id()).orElseThrow();
    assertThat(updated.status()).isEqualTo(TopicStatus.CLOSED);
    assertThat(updated.version()).isEqualTo(2);
  }

  @Test
  void topicAddReplies_earlierTime_neverMovesActivityBack() {
    Topic topic = topic(space(), T0, List.of());

    assertThat(store.topics().addReplies(topic.id(), 2, T0.plusSeconds(10))).isTrue();
    assertThat(store.topics().addReplies(topic.id(), -1, T0.minusSeconds(10))).isTrue();

    Topic updated = store.topics().find(topic.id()).orElseThrow();
    assertThat(updated.replyCount()).isEqualTo(1);
    assertThat(updated.lastActivityAt()).isEqualTo(Times.truncate(T0.plusSeconds(10)));
    assertThat(store.topics().addReplies(new TopicId(Long.MAX_VALUE), 1, T0)).isFalse();
  }

  @Test
  void topicAddScore_returnsNewScore_orEmptyWhenMissing() {
    Topic topic = topic(space(), T0, List.of());

    assertThat(store.topics().addScore(topic.id(), 5)).contains(5L);
    assertThat(store.topics().addScore(topic.id(), -7)).contains(-2L);
    assertThat(store.topics().addScore(new TopicId(Long.MAX_VALUE), 1)).isEmpty();
    assertThat(store.topics().updateHot(topic.id(), 42.25)).isTrue();
    assertThat(store.topics().find(topic.id()).orElseThrow().hot()).isEqualTo(42.25);
  }

  @Test
  void postInsert_thenFind_roundTripsContentAndSentiment() {
    Topic topic = topic(space(), T0, List.of());
    Post withSentiment = post(topic, PostStatus.PUBLISHED, Optional.of(SentimentScore.of(-0.4)));
    Post without = post(topic, PostStatus.PENDING, Optional.empty());

    assertThat(store.posts().find(withSentiment.id())).contains(withSentiment);
    assertThat(store.posts().find(without.id())).contains(without);
    assertThat(store.posts().find(new PostId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void postListByTopic_acrossPages_returnsPostingOrderFilteredByStatus() {
    Topic topic = topic(space(), T0, List.of());
    List<Post> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(post(topic, PostStatus.PUBLISHED, Optional.empty()));
      post(topic, PostStatus.HIDDEN, Optional.empty());
    }

    List<Post> first = store.posts().listByTopic(topic.id(), Set.of(PostStatus.PUBLISHED), Optional.empty(), 3);
    List<Post> second = store.posts().listByTopic(
        topic.id(), Set.of(PostStatus.PUBLISHED), Optional.of(first.get(2).id()), 3);

    assertThat(first).containsExactlyElementsOf(published.subList(0, 3));
    assertThat(second).containsExactlyElementsOf(published.subList(3, 5));
  }

  @Test
  void postUpdateContent_withStaleVersion_isRefused() {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());
    PostContent edited = new PostContent("*edited*", "<p><em>edited</em></p>", 2, Optional.of(SentimentScore.NEUTRAL));

    assertThat(store.posts().updateContent(post.id(), 1, edited, T0.plusSeconds(5))).isTrue();
    assertThat(store.posts().updateContent(post.id(), 1, edited, T0.plusSeconds(6))).isFalse();
    assertThat(store.posts().updateStatus(post.id(), PostStatus.DELETED, T0.plusSeconds(7))).isTrue();

    Post stored = store.posts().find(post.id()).orElseThrow();
    assertThat(stored.content()).isEqualTo(edited);
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.status()).isEqualTo(PostStatus.DELETED);
    assertThat(stored.updatedAt()).isEqualTo(Times.truncate(T0.plusSeconds(7)));
  }

  @Test
  void postAddVotes_returnsNewScore_andMovesCounters() {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());

    assertThat(store.posts().addVotes(post.id(), 3, 1)).contains(2L);
    assertThat(store.posts().addVotes(post.id(), -1, 1)).contains(0L);
    assertThat(store.posts().addVotes(new PostId(Long.MAX_VALUE), 1, 0)).isEmpty();

    Post stored = store.posts().find(post.id()).orElseThrow();
    assertThat(stored.upVotes()).isEqualTo(2);
    assertThat(stored.downVotes()).isEqualTo(2);
  }

  @Test
  void postAddVotes_fromManyThreads_losesNoUpdate() throws Exception {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            store.transactor().run(() -> store.posts().addVotes(post.id(), 1, 0));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.posts().find(post.id()).orElseThrow().score()).isEqualTo(threads * perThread);
  }

  @Test
  void votes_insertFindUpdateDelete_roundTrip() {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());
    Member alice = member();
    Member bob = member();
    Vote up = new Vote(alice.id(), post.id(), VoteDirection.UP, Times.truncate(T0));
    store.votes().insert(up);
    store.votes().insert(new Vote(bob.id(), post.id(), VoteDirection.DOWN, Times.truncate(T0)));

    assertThat(store.votes().find(alice.id(), post.id())).contains(up);
    assertThat(store.votes().findByVoter(alice.id(), List.of(post.id(), new PostId(Long.MAX_VALUE))))
        .containsExactly(up);
    assertThat(store.votes().tally(post.id())).isEqualTo(new VoteTally(1, 1));

    Vote changed = new Vote(alice.id(), post.id(), VoteDirection.DOWN, Times.truncate(T0.plusSeconds(1)));
    assertThat(store.votes().update(changed)).isTrue();
    assertThat(store.votes().find(alice.id(), post.id())).contains(changed);
    assertThat(store.votes().tally(post.id())).isEqualTo(new VoteTally(0, 2));

    assertThat(store.votes().delete(alice.id(), post.id())).isTrue();
    assertThat(store.votes().delete(alice.id(), post.id())).isFalse();
    assertThat(store.votes().update(changed)).isFalse();
    assertThat(store.votes().tally(post.id())).isEqualTo(new VoteTally(0, 1));
  }

  @Test
  void voteInsert_secondVoteInTransaction_throwsDuplicateKeyAndRollsBack() {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());
    Member voter = member();
    Vote vote = new Vote(voter.id(), post.id(), VoteDirection.UP, T0);
    store.votes().insert(vote);

    assertThatThrownBy(() -> store.transactor().run(() -> {
      store.posts().addVotes(post.id(), 1, 0);
      store.votes().insert(vote);
    })).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("cm_vote(post_id, member_id)");

    assertThat(store.posts().find(post.id()).orElseThrow().score()).isZero();
  }

  @Test
  void voteInsert_concurrentFirstVotes_exactlyOneWins() throws Exception {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());
    Member voter = member();
    Vote vote = new Vote(voter.id(), post.id(), VoteDirection.UP, T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Throwable> failures = new ArrayList<>();
    try {
      List<Callable<Void>> attempts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        attempts.add(() -> {
          store.votes().insert(vote);
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(attempts)) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(failures).hasSize(3).allSatisfy(f -> assertThat(f).isInstanceOf(DuplicateKeyException.class));
    assertThat(store.votes().tally(post.id())).isEqualTo(new VoteTally(1, 0));
  }

  @Test
  void revisions_list_returnsOldestFirst() {
    Post post = post(topic(space(), T0, List.of()), PostStatus.PUBLISHED, Optional.empty());
    Member editor = member();
    Revision v2 = new Revision(post.id(), 2, editor.id(), Optional.empty(), "second", Times.truncate(T0.plusSeconds(2)));
    Revision v1 = new Revision(post.id(), 1, editor.id(), Optional.of("Original title"), "first", Times.truncate(T0));
    store.revisions().insert(v2);
    store.revisions().insert(v1);

    assertThat(store.revisions().list(post.id())).containsExactly(v1, v2);
  }

  @Test
  void outbox_listAfter_returnsEventsInAppendOrder() {
    List<CommunityEvent> before = store.outbox().listAfter(Optional.empty(), 1000);
    Optional<EventId> start = before.isEmpty() ? Optional.empty() : Optional.of(before.get(before.size() - 1).id());
    CommunityEvent first = store.outbox().append(new NewEvent("post.created", 1, "topic", 7, "{\"a\":1}", T0));
    CommunityEvent second = store.outbox().append(new NewEvent("vote.cast", 2, "post", 9, "{}", T0.plusSeconds(1)));

    assertThat(second.id().value()).isGreaterThan(first.id().value());
    assertThat(store.outbox().listAfter(start, 10)).containsExactly(first, second);
    assertThat(store.outbox().listAfter(Optional.of(first.id()), 1)).containsExactly(second);
  }

  @Test
  void transaction_whenWorkThrows_rollsBackEverythingAndRethrowsTheSameException() {
    String externalId = unique("rolled-back");
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> store.transactor().run(() -> {
      store.members().insert(new NewMember(externalId, profile("Rolled Back"), 1, T0));
      throw boom;
    })).isSameAs(boom);

    assertThat(store.members().findByExternalId(externalId)).isEmpty();
  }

  @Test
  void transaction_nested_joinsTheOuterTransaction() {
    String inner = unique("inner");
    RuntimeException outerFailure = new RuntimeException("outer fails after inner committed nothing");

    assertThatThrownBy(() -> store.transactor().run(() -> {
      Member member = store.transactor().inTransaction(
          () -> store.members().insert(new NewMember(inner, profile("Inner"), 1, T0)));
      // The inner call's write is visible to the outer one: one transaction, one connection.
      assertThat(store.members().find(member.id())).isPresent();
      throw outerFailure;
    })).isSameAs(outerFailure);

    assertThat(store.members().findByExternalId(inner)).isEmpty();
  }

  @Test
  void storeCall_outsideTransaction_commitsOnItsOwn() {
    Member member = member();

    assertThat(store.transactor().inTransaction(() -> store.members().find(member.id()))).contains(member);
  }

  @ParameterizedTest
  @EnumSource(ListingOrder.class)
  void topicList_acrossPagesWithTies_returnsEveryTopicOnceInRankOrder(ListingOrder order) {
    Space space = space();
    Space other = space();
    topic(other, T0, List.of("tie"));
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      // Groups of three share creation time, score, hot rank and last activity, so ids must break the ties.
      Instant created = T0.plusSeconds(i / 3);
      Topic topic = store.topics().insert(new NewTopic(space.id(), SpaceKind.DISCUSSION, "Topic number " + i,
          List.of("tie", "n" + i), member().id(), false, (i % 4) * 0.5, created));
      store.topics().addScore(topic.id(), i % 3);
      store.topics().addReplies(topic.id(), 1, T0.plusSeconds(100 + (i % 2)));
      topics.add(store.topics().find(topic.id()).orElseThrow());
    }
    Topic closed = topics.get(4);
    store.topics().updateStatus(closed.id(), closed.version(), TopicStatus.CLOSED, T0);
    List<Topic> expected = topics.stream()
        .filter(t -> !t.id().equals(closed.id()))
        .sorted(Comparator.comparingDouble((Topic t) -> TopicQuery.rankOf(order, t)).reversed()
            .thenComparing(Comparator.comparingLong((Topic t) -> t.id().value()).reversed()))
        .toList();

    List<Topic> listed = new ArrayList<>();
    Optional<ListingCursor> cursor = Optional.empty();
    for (int page = 0; page < 10; page++) {
      List<Topic> rows = store.topics().list(
          new TopicQuery(space.id(), order, Set.of(TopicStatus.OPEN), Optional.empty(), cursor, 3));
      listed.addAll(rows);
      if (rows.size() < 3) {
        break;
      }
      Topic last = rows.get(rows.size() - 1);
      cursor = Optional.of(new ListingCursor(TopicQuery.rankOf(order, last), last.id().value()));
    }

    assertThat(listed).containsExactlyElementsOf(expected);
  }

  @Test
  void topicList_withTagAndStatuses_returnsOnlyMatchingTopicsWithTheirTags() {
    Space space = space();
    Topic tagged = topic(space, T0, List.of("wifi", "router"));
    Topic closedTagged = topic(space, T0.plusSeconds(1), List.of("wifi"));
    topic(space, T0.plusSeconds(2), List.of("router"));
    store.topics().updateStatus(closedTagged.id(), 1, TopicStatus.CLOSED, T0);

    List<Topic> open = store.topics().list(new TopicQuery(
        space.id(), ListingOrder.LATEST, Set.of(TopicStatus.OPEN), Optional.of("wifi"), Optional.empty(), 10));
    List<Topic> all = store.topics().list(new TopicQuery(space.id(), ListingOrder.LATEST,
        EnumSet.allOf(TopicStatus.class), Optional.of("wifi"), Optional.empty(), 10));

    assertThat(open).containsExactly(tagged);
    assertThat(all).extracting(Topic::id).containsExactly(closedTagged.id(), tagged.id());
    assertThat(all.get(1).tags()).containsExactly("wifi", "router");
  }

  String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
  }

  private static MemberProfile profile(String name) {
    return new MemberProfile(name, Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
  }

  Member member() {
    return store.members().insert(new NewMember(unique("user"), profile("Member"), 1, T0));
  }

  Space space() {
    return store.spaces().insert(new NewSpace(unique("space"), "Space", "for tests", SpaceKind.DISCUSSION,
        Visibility.PUBLIC, ModerationMode.AUTO, false, Set.of(), T0));
  }

  Topic topic(Space space, Instant createdAt, List<String> tags) {
    return store.topics().insert(new NewTopic(space.id(), space.kind(), "A topic title for tests", tags,
        member().id(), false, 0, createdAt));
  }

  Post post(Topic topic, PostStatus status, Optional<SentimentScore> sentiment) {
    return store.posts().insert(new NewPost(topic.id(), topic.spaceId(), topic.authorId(), false, false,
        new PostContent("Hello **world**", "<p>Hello <strong>world</strong></p>", 1, sentiment), status, T0));
  }
}
