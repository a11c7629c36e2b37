package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.T0;
import static dev.communitysdk.tck.storage.Samples.adjustment;
import static dev.communitysdk.tck.storage.Samples.anonymousSentiment;
import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.content;
import static dev.communitysdk.tck.storage.Samples.event;
import static dev.communitysdk.tck.storage.Samples.labelled;
import static dev.communitysdk.tck.storage.Samples.member;
import static dev.communitysdk.tck.storage.Samples.post;
import static dev.communitysdk.tck.storage.Samples.profile;
import static dev.communitysdk.tck.storage.Samples.reversal;
import static dev.communitysdk.tck.storage.Samples.sentiment;
import static dev.communitysdk.tck.storage.Samples.space;
import static dev.communitysdk.tck.storage.Samples.tagged;
import static dev.communitysdk.tck.storage.Samples.takenOut;
import static dev.communitysdk.tck.storage.Samples.topic;
import static dev.communitysdk.tck.storage.Samples.unique;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.BadgeTier;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.ExpertiseRow;
import dev.communitysdk.spi.model.LeaderboardRow;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicSentiment;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * The storage contract: what every {@link CommunityStore} must do, as JUnit 5 tests grouped by port. An adapter's
 * test extends this class and makes a fresh store; the in-memory reference store and the jOOQ store on H2,
 * PostgreSQL and MariaDB all pass it.
 *
 * <pre>{@code
 * class JooqPostgresStoreContractTest extends CommunityStoreContract {
 *   // Migrated once per database, emptied between tests.
 *   private static final TestDatabasePool MIGRATED = TestDatabasePool.of(
 *       dataSource -> JooqCommunityStore.create(dataSource).migrate(), Set.of("cm_schema_history"));
 *   private TestDatabase database;
 *
 *   @Override
 *   protected CommunityStore newStore() {
 *     database = MIGRATED.open(DatabaseEngine.POSTGRESQL);
 *     return JooqCommunityStore.create(database.dataSource());
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
 * so a store backed by a connection pool needs at least a handful of connections. The ideas and reviews of a
 * community have contracts of their own: {@link IdeaStoreContract} and {@link ReviewStoreContract}.
 */
public abstract class CommunityStoreContract extends StoreContract {
  /** For subclasses. */
  protected CommunityStoreContract() {}

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
      NewMember again = new NewMember(externalId, profile("Somebody Else"), 1, at(60), "somebody_else");

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
          member.profile(), MemberStatus.DEACTIVATED, member.reputation(), member.createdAt(), member.handle()));
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
          Samples.ACCESS, newSpace.rules(), T0));
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

    @Test
    @DisplayName("a space with no accounts or tiers reads back with none, next to one that has them")
    void insert_accessWithRolesOnly_readsBackWithoutGrants() {
      Space granted = newSpace();
      NewSpace rolesOnly = new NewSpace(unique("roles"), "Roles only", "", SpaceKind.DISCUSSION,
          Visibility.RESTRICTED, ModerationMode.AUTO, false, SpaceAccess.roles(Set.of(Role.EXPERT)),
          SpaceRules.DEFAULT, T0);

      Space stored = store().spaces().insert(rolesOnly);

      assertThat(store().spaces().find(stored.id()).orElseThrow().access())
          .isEqualTo(SpaceAccess.roles(Set.of(Role.EXPERT)));
      assertThat(store().spaces().list()).extracting(Space::access)
          .containsExactly(Samples.ACCESS, SpaceAccess.roles(Set.of(Role.EXPERT)));
      assertThat(store().spaces().findBySlug(granted.slug()).orElseThrow().access()).isEqualTo(Samples.ACCESS);
    }

    @Test
    @DisplayName("explicit members belong to their space only, are listed in id order and are found among others")
    void addMember_members_areFoundByEveryLookup() {
      Space space = newSpace();
      Space other = newSpace();
      Member a = newMember();
      Member b = newMember();
      Member outsider = newMember();

      store().spaces().addMember(space.id(), b.id(), T0);
      store().spaces().addMember(space.id(), a.id(), T0);
      store().spaces().addMember(other.id(), a.id(), T0);

      assertThat(store().spaces().isMember(space.id(), a.id())).isTrue();
      assertThat(store().spaces().isMember(space.id(), outsider.id())).isFalse();
      assertThat(store().spaces().isMember(other.id(), b.id())).isFalse();
      assertThat(store().spaces().members(space.id(), Optional.empty(), 10)).containsExactly(a.id(), b.id());
      assertThat(store().spaces().members(space.id(), Optional.of(a.id()), 10)).containsExactly(b.id());
      assertThat(store().spaces().members(space.id(), Optional.empty(), 1)).containsExactly(a.id());
      assertThat(store().spaces().membersAmong(space.id(), List.of(a.id(), outsider.id(), b.id())))
          .containsExactlyInAnyOrder(a.id(), b.id());
      assertThat(store().spaces().membersAmong(space.id(), List.of())).isEmpty();
      assertThat(store().spaces().memberships(a.id())).containsExactlyInAnyOrder(space.id(), other.id());
      assertThat(store().spaces().memberships(outsider.id())).isEmpty();
    }

    @Test
    @DisplayName("a second add of the same member is a duplicate key, and the member stays once")
    void addMember_twice_throwsDuplicateKey() {
      Space space = newSpace();
      Member member = newMember();
      store().spaces().addMember(space.id(), member.id(), T0);

      assertThatThrownBy(() -> store().spaces().addMember(space.id(), member.id(), at(1)))
          .isInstanceOf(DuplicateKeyException.class);

      assertThat(store().spaces().members(space.id(), Optional.empty(), 10)).containsExactly(member.id());
    }

    @Test
    @DisplayName("adding a member who does not exist, or to a space that does not exist, is refused")
    void addMember_missingRows_isRefused() {
      Space space = newSpace();
      Member member = newMember();

      assertThatThrownBy(() -> store().spaces().addMember(space.id(), new MemberId(987_654_321L), T0))
          .isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> store().spaces().addMember(new SpaceId(987_654_321L), member.id(), T0))
          .isInstanceOf(StorageException.class);

      assertThat(store().spaces().memberships(member.id())).isEmpty();
    }

    @Test
    @DisplayName("removeMember removes once, says whether there was a member, and leaves other members alone")
    void removeMember_member_isRemovedOnce() {
      Space space = newSpace();
      Member gone = newMember();
      Member stays = newMember();
      store().spaces().addMember(space.id(), gone.id(), T0);
      store().spaces().addMember(space.id(), stays.id(), T0);

      assertThat(store().spaces().removeMember(space.id(), gone.id())).isTrue();
      assertThat(store().spaces().removeMember(space.id(), gone.id())).isFalse();

      assertThat(store().spaces().isMember(space.id(), gone.id())).isFalse();
      assertThat(store().spaces().members(space.id(), Optional.empty(), 10)).containsExactly(stays.id());
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
    @DisplayName("a topic about a product keeps its product id, and keeps it through updates and listings")
    void insert_withProduct_keepsIt() {
      Space space = newSpace();
      Member author = newMember();
      Topic stored = store().topics().insert(new NewTopic(space.id(), space.kind(), "Review of the X200 router",
          List.of(), author.id(), false, 0, at(1), Optional.of("sku:X200-eu")));

      assertThat(stored.productId()).contains("sku:X200-eu");
      store().topics().addReplies(stored.id(), 1, at(2));
      store().topics().updateStatus(stored.id(), stored.version(), TopicStatus.CLOSED, at(3));
      assertThat(store().topics().find(stored.id()).orElseThrow().productId()).contains("sku:X200-eu");
      assertThat(store().topics().list(new TopicQuery(space.id(), ListingOrder.LATEST, Set.of(TopicStatus.CLOSED),
          Optional.empty(), Optional.empty(), 10))).singleElement()
          .satisfies(topic -> assertThat(topic.productId()).contains("sku:X200-eu"));
      assertThat(newTopic(space, author, at(4), 0).productId()).isEmpty();
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
    @DisplayName("a topic taken back as DELETED keeps that status, and only a DELETED filter lists it")
    void updateStatus_deleted_roundTrips() {
      Space space = newSpace();
      Topic topic = newTopic(space, newMember(), at(0), 0);

      assertThat(store().topics().updateStatus(topic.id(), 1, TopicStatus.DELETED, at(10))).isTrue();

      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.status()).isEqualTo(TopicStatus.DELETED);
      assertThat(stored.version()).isEqualTo(2);
      assertThat(store().topics().list(new TopicQuery(space.id(), ListingOrder.LATEST,
          Set.of(TopicStatus.OPEN, TopicStatus.CLOSED, TopicStatus.LOCKED, TopicStatus.PENDING), Optional.empty(),
          Optional.empty(), 10))).isEmpty();
      assertThat(store().topics().list(new TopicQuery(space.id(), ListingOrder.LATEST, Set.of(TopicStatus.DELETED),
          Optional.empty(), Optional.empty(), 10))).containsExactly(stored);
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
      return pageThroughTopics(order, limit, after -> query(order, after, limit)).stream()
          .map(t -> names.get(t.id()))
          .toList();
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
    @DisplayName("findAll returns the posts that exist, each once, whatever their status")
    void findAll_duplicatesAndMissingIds_returnsExistingOnce() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      Member author = newMember();
      Post a = newPost(topic, author, PostStatus.PUBLISHED);
      Post b = newPost(topic, author, PostStatus.HIDDEN);
      newPost(topic, author, PostStatus.PUBLISHED);

      List<Post> found = store().posts().findAll(List.of(b.id(), a.id(), b.id(), new PostId(987_654_321L)));

      assertThat(found).containsExactlyInAnyOrder(a, b);
      assertThat(store().posts().findAll(List.of())).isEmpty();
      assertThat(store().posts().findAll(List.of(new PostId(987_654_321L)))).isEmpty();
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
  @DisplayName("question state on topics")
  class QuestionStateOnTopics {
    @Test
    @DisplayName("updateAcceptedAnswer sets and clears the accepted answer and is no edit: the version stays")
    void updateAcceptedAnswer_setsAndClears_versionStays() {
      Member asker = newMember();
      Topic topic = newTopic(newSpace(), asker, at(0), 0);
      Post answer = newPost(topic, newMember(), PostStatus.PUBLISHED);
      Post better = newPost(topic, newMember(), PostStatus.PUBLISHED);

      assertThat(store().topics().updateAcceptedAnswer(topic.id(), Optional.of(answer.id()))).isTrue();
      Topic solved = store().topics().find(topic.id()).orElseThrow();
      assertThat(solved.acceptedAnswerId()).contains(answer.id());
      assertThat(solved.solved()).isTrue();
      assertThat(solved).isEqualTo(withQuestionState(topic, Optional.of(answer.id()), 0));

      assertThat(store().topics().updateAcceptedAnswer(topic.id(), Optional.of(better.id()))).isTrue();
      assertThat(store().topics().find(topic.id()).orElseThrow().acceptedAnswerId()).contains(better.id());

      assertThat(store().topics().updateAcceptedAnswer(topic.id(), Optional.empty())).isTrue();
      assertThat(store().topics().find(topic.id())).contains(topic);
      assertThat(store().topics().updateAcceptedAnswer(new TopicId(987_654_321L), Optional.of(answer.id())))
          .isFalse();
    }

    @Test
    @DisplayName("addAnswers moves the answer count by the delta and is no edit: the version stays")
    void addAnswers_movesCount_versionStays() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);

      assertThat(store().topics().addAnswers(topic.id(), 3)).isTrue();
      assertThat(store().topics().addAnswers(topic.id(), -1)).isTrue();

      assertThat(store().topics().find(topic.id())).contains(withQuestionState(topic, Optional.empty(), 2));
      assertThat(store().topics().addAnswers(new TopicId(987_654_321L), 1)).isFalse();
    }

    @Test
    @DisplayName("edits, status changes and counter updates keep the accepted answer and the answer count")
    void otherUpdates_keepQuestionState() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0, "wifi");
      Post answer = newPost(topic, newMember(), PostStatus.PUBLISHED);
      store().topics().updateAcceptedAnswer(topic.id(), Optional.of(answer.id()));
      store().topics().addAnswers(topic.id(), 4);

      store().topics().updateTitleAndTags(topic.id(), 1, "Router drops Wi-Fi after the update", List.of("router"),
          at(10));
      store().topics().updateStatus(topic.id(), 2, TopicStatus.CLOSED, at(20));
      store().topics().addReplies(topic.id(), 2, at(30));
      store().topics().addScore(topic.id(), 5);
      store().topics().updateHot(topic.id(), 3.5);

      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.acceptedAnswerId()).contains(answer.id());
      assertThat(stored.answerCount()).isEqualTo(4);
      assertThat(stored).isEqualTo(new Topic(topic.id(), topic.spaceId(), topic.kind(),
          "Router drops Wi-Fi after the update", List.of("router"), topic.authorId(), false, TopicStatus.CLOSED, 2, 5,
          3.5, at(30), at(0), 3, Optional.of(answer.id()), 4));
    }

    private Topic withQuestionState(Topic topic, Optional<PostId> accepted, long answerCount) {
      return new Topic(topic.id(), topic.spaceId(), topic.kind(), topic.title(), topic.tags(), topic.authorId(),
          topic.anonymous(), topic.status(), topic.replyCount(), topic.score(), topic.hot(), topic.lastActivityAt(),
          topic.createdAt(), topic.version(), accepted, answerCount);
    }
  }

  /**
   * Nine topics in four question states whose ranks tie in every order. The expected orders are written out by hand
   * from this table, not computed; ids increase down the table.
   *
   * <pre>
   * topic  created  last activity  score  hot  accepted answer     answer count  state
   * U1     0        0              3      5.0  none                0             unanswered
   * U2     10       40             3      5.0  none                +1 -1 = 0     unanswered
   * U3     10       10             0      7.5  set, then cleared   0             unanswered
   * U4     20       40             -2     5.0  none                0             unanswered
   * A1     30       50             9      9.0  none                1             answered, not solved
   * S1     0        30             3      7.5  yes                 1             solved
   * S2     20       30             3      5.0  yes                 0             solved
   * S3     20       20             8      7.5  yes                 2             solved
   * S4     10       60             3      7.5  yes                 1             solved
   * </pre>
   */
  @Nested
  @DisplayName("question listings")
  class QuestionListings {
    private final Map<TopicId, String> names = new HashMap<>();
    private @Nullable Space space;

    @BeforeEach
    void nineQuestionsWithTies() {
      Space listed = newSpace();
      space = listed;
      Member asker = newMember();
      Member helper = newMember();
      insert(listed, asker, helper, "U1", 0, -1, 3, 5.0, false, 0);
      Topic u2 = insert(listed, asker, helper, "U2", 10, 40, 3, 5.0, false, 1);
      store().topics().addAnswers(u2.id(), -1);
      Topic u3 = insert(listed, asker, helper, "U3", 10, -1, 0, 7.5, true, 0);
      store().topics().updateAcceptedAnswer(u3.id(), Optional.empty());
      insert(listed, asker, helper, "U4", 20, 40, -2, 5.0, false, 0);
      insert(listed, asker, helper, "A1", 30, 50, 9, 9.0, false, 1);
      insert(listed, asker, helper, "S1", 0, 30, 3, 7.5, true, 1);
      insert(listed, asker, helper, "S2", 20, 30, 3, 5.0, true, 0);
      insert(listed, asker, helper, "S3", 20, -1, 8, 7.5, true, 2);
      insert(listed, asker, helper, "S4", 10, 60, 3, 7.5, true, 1);
      // An unanswered and a solved question in another space, ranked above all of the above: never listed here.
      insert(newSpace(), asker, helper, "elsewhere-unanswered", 100, -1, 50, 99.0, false, 0);
      insert(newSpace(), asker, helper, "elsewhere-solved", 100, -1, 50, 99.0, true, 1);
    }

    @Test
    @DisplayName("UNANSWERED lists questions without an accepted answer and with no counted answers, in every order")
    void unanswered_everyOrder() {
      assertPages(ListingOrder.LATEST, QuestionState.UNANSWERED, "U4", "U3", "U2", "U1");
      assertPages(ListingOrder.ACTIVE, QuestionState.UNANSWERED, "U4", "U2", "U3", "U1");
      assertPages(ListingOrder.TOP, QuestionState.UNANSWERED, "U2", "U1", "U3", "U4");
      assertPages(ListingOrder.HOT, QuestionState.UNANSWERED, "U3", "U4", "U2", "U1");
    }

    @Test
    @DisplayName("SOLVED lists questions with an accepted answer, whatever their answer count, in every order")
    void solved_everyOrder() {
      assertPages(ListingOrder.LATEST, QuestionState.SOLVED, "S3", "S2", "S4", "S1");
      assertPages(ListingOrder.ACTIVE, QuestionState.SOLVED, "S4", "S2", "S1", "S3");
      assertPages(ListingOrder.TOP, QuestionState.SOLVED, "S3", "S4", "S2", "S1");
      assertPages(ListingOrder.HOT, QuestionState.SOLVED, "S4", "S3", "S1", "S2");
    }

    @Test
    @DisplayName("ANY, also the default of a query without a question state, lists every question")
    void any_listsEverything() {
      String[] latest = {"A1", "S3", "S2", "U4", "S4", "U3", "U2", "S1", "U1"};

      assertPages(ListingOrder.LATEST, QuestionState.ANY, latest);
      assertThat(store().topics().list(new TopicQuery(requireNonNull(space).id(), ListingOrder.LATEST,
          Set.of(TopicStatus.OPEN), Optional.empty(), Optional.empty(), 200)).stream().map(t -> names.get(t.id())))
          .containsExactly(latest);
    }

    @Test
    @DisplayName("the question state combines with the status filter")
    void unanswered_withStatusFilter() {
      Topic u1 = store().topics().list(query(ListingOrder.LATEST, QuestionState.UNANSWERED, Optional.empty(), 200))
          .stream().filter(t -> "U1".equals(names.get(t.id()))).findFirst().orElseThrow();
      store().topics().updateStatus(u1.id(), 1, TopicStatus.CLOSED, at(500));

      assertThat(names(store().topics().list(query(ListingOrder.LATEST, QuestionState.UNANSWERED, Optional.empty(),
          200)))).containsExactly("U4", "U3", "U2");
    }

    /** Pages through with pages of 1, 2 and 3, which cut the ties at different places: each must give the order. */
    private void assertPages(ListingOrder order, QuestionState state, String... expected) {
      for (int limit = 1; limit <= 3; limit++) {
        assertThat(pageThrough(order, state, limit)).as("%s %s in pages of %d", state, order, limit)
            .containsExactly(expected);
      }
    }

    private List<String> pageThrough(ListingOrder order, QuestionState state, int limit) {
      return names(pageThroughTopics(order, limit, after -> query(order, state, after, limit)));
    }

    private TopicQuery query(ListingOrder order, QuestionState state, Optional<ListingCursor> after, int limit) {
      return new TopicQuery(requireNonNull(space).id(), order, Set.of(TopicStatus.OPEN), Optional.empty(), after,
          limit, state);
    }

    private List<String> names(List<Topic> topics) {
      return topics.stream().map(t -> names.get(t.id())).toList();
    }

    /** Inserts a question; an activity second of -1 means no reply, so activity stays at creation. */
    private Topic insert(Space in, Member asker, Member helper, String name, long created, long activity, long score,
        double hot, boolean accepted, int answers) {
      Topic topic = newTopic(in, asker, at(created), hot);
      if (activity >= 0) {
        store().topics().addReplies(topic.id(), 1, at(activity));
      }
      store().topics().addScore(topic.id(), score);
      if (accepted) {
        Post answer = newPost(topic, helper, PostStatus.PUBLISHED);
        store().topics().updateAcceptedAnswer(topic.id(), Optional.of(answer.id()));
      }
      if (answers != 0) {
        store().topics().addAnswers(topic.id(), answers);
      }
      names.put(topic.id(), name);
      return topic;
    }
  }

  @Nested
  @DisplayName("answer ranking")
  class AnswerRanking {
    @Test
    @DisplayName("updateWilson stores the rank and is no edit: version and update time stay")
    void updateWilson_storesRank_versionStays() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);

      assertThat(store().posts().updateWilson(post.id(), 0.8125)).isTrue();

      assertThat(store().posts().find(post.id())).contains(withWilson(post, 0.8125));
      assertThat(store().posts().updateWilson(post.id(), 0.0)).isTrue();
      assertThat(store().posts().find(post.id())).contains(post);
      assertThat(store().posts().updateWilson(new PostId(987_654_321L), 0.5)).isFalse();
    }

    @Test
    @DisplayName("edits, status changes and votes keep the Wilson rank")
    void otherUpdates_keepWilson() {
      Post post = newPost(newTopic(newSpace(), newMember(), at(0), 0), newMember(), PostStatus.PUBLISHED);
      store().posts().updateWilson(post.id(), 0.625);

      store().posts().updateContent(post.id(), 1, content("Update the firmware to 2.2"), at(10));
      store().posts().updateStatus(post.id(), PostStatus.HIDDEN, at(20));
      store().posts().addVotes(post.id(), 3, 1);

      assertThat(store().posts().find(post.id())).contains(new Post(post.id(), post.topicId(), post.spaceId(),
          post.authorId(), false, false, content("Update the firmware to 2.2"), PostStatus.HIDDEN, 2, 3, 1,
          post.createdAt(), at(20), 3, 0.625));
    }

    @Test
    @DisplayName("listRepliesByRank lists a topic's replies best first, ties by the lower id, never the opening post")
    void listRepliesByRank_bestFirst_withoutOpeningPost() {
      Replies replies = sevenPosts();

      assertThat(store().posts().listRepliesByRank(replies.topic.id(), Set.of(PostStatus.PUBLISHED),
          Optional.empty(), 200)).containsExactly(replies.r2, replies.r1, replies.r3, replies.r6, replies.r4);
    }

    @Test
    @DisplayName("listRepliesByRank lists only the given statuses")
    void listRepliesByRank_statusFilter() {
      Replies replies = sevenPosts();

      assertThat(store().posts().listRepliesByRank(replies.topic.id(),
          Set.of(PostStatus.PUBLISHED, PostStatus.HIDDEN), Optional.empty(), 200))
          .containsExactly(replies.r2, replies.r5, replies.r1, replies.r3, replies.r6, replies.r4);
      assertThat(store().posts().listRepliesByRank(replies.topic.id(), Set.of(PostStatus.HIDDEN), Optional.empty(),
          200)).containsExactly(replies.r5);
      assertThat(store().posts().listRepliesByRank(replies.topic.id(), Set.of(PostStatus.DELETED), Optional.empty(),
          200)).isEmpty();
    }

    @Test
    @DisplayName("listRepliesByRank pages strictly after a (rank, id) cursor, cutting through ties")
    void listRepliesByRank_pagesThroughTies() {
      Replies replies = sevenPosts();
      List<Post> expected = List.of(replies.r2, replies.r1, replies.r3, replies.r6, replies.r4);

      for (int limit = 1; limit <= 3; limit++) {
        List<Post> seen = new ArrayList<>();
        Optional<ListingCursor> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
          List<Post> page = store().posts().listRepliesByRank(replies.topic.id(), Set.of(PostStatus.PUBLISHED),
              after, limit);
          assertThat(page).hasSizeLessThanOrEqualTo(limit);
          if (page.isEmpty()) {
            break;
          }
          seen.addAll(page);
          Post last = page.get(page.size() - 1);
          after = Optional.of(new ListingCursor(last.wilson(), last.id().value()));
        }
        assertThat(seen).as("pages of %d", limit).containsExactlyElementsOf(expected);
      }
      // A cursor in the middle of the tie at 0.5: only the tied replies with higher ids, then the lower ranks.
      assertThat(store().posts().listRepliesByRank(replies.topic.id(), Set.of(PostStatus.PUBLISHED),
          Optional.of(new ListingCursor(0.5, replies.r1.id().value())), 200))
          .containsExactly(replies.r3, replies.r6, replies.r4);
    }

    /**
     * A topic whose opening post ranks highest, five published replies with ties at 0.5, a hidden one, and a better
     * reply in another topic. Ranks are binary fractions, which every database keeps exactly.
     *
     * <pre>
     * post     status     wilson
     * opening  PUBLISHED  0.9375 (never listed)
     * R1       PUBLISHED  0.5
     * R2       PUBLISHED  0.8125
     * R3       PUBLISHED  0.5
     * R4       PUBLISHED  0 (never ranked)
     * R5       HIDDEN     0.8125
     * R6       PUBLISHED  0.5
     * other    PUBLISHED  0.96875, in another topic
     * </pre>
     */
    private Replies sevenPosts() {
      Member asker = newMember();
      Member helper = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, asker, at(0), 0);
      Post opening = store().posts().insert(new NewPost(topic.id(), topic.spaceId(), asker.id(), false, true,
          content("My router drops Wi-Fi every hour"), PostStatus.PUBLISHED, at(0)));
      ranked(opening, 0.9375);
      Post r1 = ranked(newPost(topic, helper, PostStatus.PUBLISHED), 0.5);
      Post r2 = ranked(newPost(topic, helper, PostStatus.PUBLISHED), 0.8125);
      Post r3 = ranked(newPost(topic, helper, PostStatus.PUBLISHED), 0.5);
      Post r4 = newPost(topic, helper, PostStatus.PUBLISHED);
      Post r5 = ranked(newPost(topic, helper, PostStatus.HIDDEN), 0.8125);
      Post r6 = ranked(newPost(topic, helper, PostStatus.PUBLISHED), 0.5);
      ranked(newPost(newTopic(space, asker, at(0), 0), helper, PostStatus.PUBLISHED), 0.96875);
      return new Replies(topic, r1, r2, r3, r4, r5, r6);
    }

    private Post ranked(Post post, double wilson) {
      assertThat(store().posts().updateWilson(post.id(), wilson)).isTrue();
      return store().posts().find(post.id()).orElseThrow();
    }

    private Post withWilson(Post p, double wilson) {
      return new Post(p.id(), p.topicId(), p.spaceId(), p.authorId(), p.anonymous(), p.opening(), p.content(),
          p.status(), p.score(), p.upVotes(), p.downVotes(), p.createdAt(), p.updatedAt(), p.version(), wilson);
    }
  }

  /** The posts of {@link AnswerRanking#sevenPosts()}. */
  private record Replies(Topic topic, Post r1, Post r2, Post r3, Post r4, Post r5, Post r6) {}

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
    @DisplayName("a revision of a review keeps its stars, and one without stars comes back without")
    void insert_withStars_keepsThem() {
      Topic topic = newTopic(newSpace(), newMember(), at(0), 0);
      Member editor = newMember();
      Post post = newPost(topic, editor, PostStatus.PUBLISHED);
      Revision withStars = new Revision(post.id(), 1, editor.id(), Optional.of("Fast router, short range"),
          "four stars at first", at(10), Optional.of(4));
      Revision withoutStars = new Revision(post.id(), 2, editor.id(), Optional.empty(), "a plain edit", at(20),
          Optional.empty());

      store().revisions().insert(withStars);
      store().revisions().insert(withoutStars);

      assertThat(store().revisions().list(post.id())).containsExactly(withStars, withoutStars);
      assertThat(store().revisions().list(post.id()).get(0).stars()).contains(4);
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
  @DisplayName("member reputation")
  class MemberReputation {
    @Test
    @DisplayName("reputationForUpdate returns the member's total, and nothing for a missing member")
    void reputationForUpdate_returnsTotal() {
      Member member = newMember();

      assertThat(tx().inTransaction(() -> store().members().reputationForUpdate(member.id()))).contains(7L);
      assertThat(tx().inTransaction(() -> store().members().reputationForUpdate(new MemberId(987_654_321L))))
          .isEmpty();
    }

    @Test
    @DisplayName("addReputation adds the delta, returns the new total, and changes nothing else")
    void addReputation_returnsNewTotal() {
      Member member = newMember();
      Member neighbour = newMember();

      assertThat(store().members().addReputation(member.id(), 15)).contains(22L);
      assertThat(store().members().addReputation(member.id(), -20)).contains(2L);
      assertThat(tx().inTransaction(() -> store().members().reputationForUpdate(member.id()))).contains(2L);

      assertThat(store().members().find(member.id())).contains(new Member(member.id(), member.externalId(),
          member.profile(), member.status(), 2, member.createdAt(), member.handle()));
      assertThat(store().members().find(neighbour.id())).contains(neighbour);
      assertThat(store().members().addReputation(new MemberId(987_654_321L), 1)).isEmpty();
    }
  }

  @Nested
  @DisplayName("reputation ledger")
  class Ledger {
    @Test
    @DisplayName("append keeps every field, tags in the order given, and gives ids increasing in append order")
    void append_keepsEveryFieldWithIncreasingIds() {
      Member author = newMember();
      Member voter = newMember();
      Topic topic = newTopic(newSpace(), author, at(0), 0, "wifi", "router");
      Post post = newPost(topic, author, PostStatus.PUBLISHED);
      NewReputationEntry full = Samples.entry(author.id(), 10, ReputationReason.POST_UPVOTED, false, voter.id(),
          post, List.of("zeta", "alpha"), at(5));
      NewReputationEntry bare = adjustment(voter.id(), -3, at(6));

      ReputationEntry first = store().reputation().append(full);
      ReputationEntry second = store().reputation().append(bare);
      ReputationEntry third = store().reputation().append(Samples.entry(author.id(), 0,
          ReputationReason.POST_UPVOTED, true, voter.id(), post, List.of(), at(7)));

      assertThat(first.id()).isPositive();
      assertThat(first).isEqualTo(new ReputationEntry(first.id(), author.id(), 10, ReputationReason.POST_UPVOTED,
          false, full.sourceKey(), Optional.of(voter.id()), Optional.of(topic.spaceId()), Optional.of(topic.id()),
          Optional.of(post.id()), List.of("zeta", "alpha"), at(5)));
      assertThat(second).isEqualTo(new ReputationEntry(second.id(), voter.id(), -3, ReputationReason.ADJUSTMENT,
          false, bare.sourceKey(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
          at(6)));
      assertThat(third.reversal()).isTrue();
      assertThat(third.delta()).isZero();
      assertThat(second.id()).isGreaterThan(first.id());
      assertThat(third.id()).isGreaterThan(second.id());
      assertThat(store().reputation().list(author.id(), Optional.empty(), 1000)).containsExactly(first, third);
      assertThat(store().reputation().list(voter.id(), Optional.empty(), 1000)).containsExactly(second);
    }

    @Test
    @DisplayName("a source key the member already used is a duplicate key; another member may use it")
    void append_usedSourceKey_throwsDuplicateKey() {
      Member member = newMember();
      Member other = newMember();
      Topic topic = newTopic(newSpace(), member, at(0), 0);
      NewReputationEntry accepted = Samples.entry(member.id(), 15, ReputationReason.ANSWER_ACCEPTED, topic, at(1));
      ReputationEntry first = store().reputation().append(accepted);
      NewReputationEntry again = new NewReputationEntry(member.id(), 2, ReputationReason.ACCEPTED_AN_ANSWER, true,
          accepted.sourceKey(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
          at(2));

      assertThatThrownBy(() -> store().reputation().append(again)).isInstanceOf(DuplicateKeyException.class);
      ReputationEntry others = store().reputation().append(new NewReputationEntry(other.id(), 15,
          ReputationReason.ANSWER_ACCEPTED, false, accepted.sourceKey(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), List.of(), at(3)));

      assertThat(store().reputation().list(member.id(), Optional.empty(), 1000)).containsExactly(first);
      assertThat(store().reputation().list(other.id(), Optional.empty(), 1000)).containsExactly(others);
    }

    @Test
    @DisplayName("an entry appended by a transaction that rolls back is gone, and its source key is free again")
    void append_rolledBack_freesSourceKey() {
      Member member = newMember();
      Topic topic = newTopic(newSpace(), member, at(0), 0);
      NewReputationEntry entry = Samples.entry(member.id(), 10, ReputationReason.POST_UPVOTED, topic, at(1));
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        store().reputation().append(entry);
        throw boom;
      })).isSameAs(boom);

      assertThat(store().reputation().list(member.id(), Optional.empty(), 1000)).isEmpty();
      assertThat(store().reputation().totals(Optional.empty(), 1000)).isEmpty();
      ReputationEntry stored = store().reputation().append(entry);
      assertThat(store().reputation().list(member.id(), Optional.empty(), 1000)).containsExactly(stored);
    }

    @Test
    @DisplayName("net sums one member's entries with one reason about one post caused by one member, reversals too")
    void net_sumsOneCause() {
      Member author = newMember();
      Member voter = newMember();
      Member otherVoter = newMember();
      Topic topic = newTopic(newSpace(), author, at(0), 0, "wifi");
      Post post = newPost(topic, author, PostStatus.PUBLISHED);
      Post otherPost = newPost(topic, author, PostStatus.PUBLISHED);
      List<String> tags = topic.tags();
      ReputationReason up = ReputationReason.POST_UPVOTED;
      append(Samples.entry(author.id(), 10, up, false, voter.id(), post, tags, at(1)));
      append(Samples.entry(author.id(), -10, up, true, voter.id(), post, tags, at(2)));
      append(Samples.entry(author.id(), 10, up, false, voter.id(), post, tags, at(3)));
      // Neighbours that must not count: another causer, another reason, another post, another member.
      append(Samples.entry(author.id(), 10, up, false, otherVoter.id(), post, tags, at(4)));
      append(Samples.entry(author.id(), -2, ReputationReason.POST_DOWNVOTED, false, voter.id(), post, tags, at(5)));
      append(Samples.entry(author.id(), 10, up, false, voter.id(), otherPost, tags, at(6)));
      append(Samples.entry(voter.id(), 10, up, false, voter.id(), post, tags, at(7)));
      append(Samples.entry(author.id(), 15, ReputationReason.ANSWER_ACCEPTED, topic, at(8)));

      assertThat(store().reputation().net(author.id(), post.id(), voter.id(), up)).isEqualTo(10);
      assertThat(store().reputation().net(author.id(), post.id(), voter.id(), ReputationReason.POST_DOWNVOTED))
          .isEqualTo(-2);
      assertThat(store().reputation().net(author.id(), post.id(), otherVoter.id(), up)).isEqualTo(10);
      assertThat(store().reputation().net(author.id(), post.id(), voter.id(), ReputationReason.ANSWER_ACCEPTED))
          .isZero();

      append(Samples.entry(author.id(), -10, up, true, voter.id(), post, tags, at(9)));

      assertThat(store().reputation().net(author.id(), post.id(), voter.id(), up)).isZero();
      assertThat(store().reputation().net(author.id(), otherPost.id(), voter.id(), up)).isEqualTo(10);
    }

    @Test
    @DisplayName("sum counts the given reasons from the start, inclusive, to the end, exclusive, reversals included")
    void sum_windowAndReasons() {
      Member member = newMember();
      Member other = newMember();
      Topic topic = newTopic(newSpace(), member, at(0), 0);
      Instant from = at(100);
      Instant until = at(200);
      ReputationReason up = ReputationReason.POST_UPVOTED;
      append(Samples.entry(member.id(), 1, up, topic, from.minusNanos(1_000)));
      append(Samples.entry(member.id(), 10, up, topic, from));
      append(reversal(member.id(), -10, up, topic, at(150)));
      append(Samples.entry(member.id(), 15, ReputationReason.ANSWER_ACCEPTED, topic, at(150)));
      append(Samples.entry(member.id(), 5, ReputationReason.IDEA_UPVOTED, topic, at(150)));
      append(Samples.entry(member.id(), 100, up, topic, until.minusNanos(1_000)));
      append(Samples.entry(member.id(), 1000, up, topic, until));
      append(Samples.entry(other.id(), 7, up, topic, at(150)));

      assertThat(store().reputation().sum(member.id(), Set.of(up), from, until)).isEqualTo(100);
      assertThat(store().reputation().sum(member.id(), Set.of(up, ReputationReason.ANSWER_ACCEPTED), from, until))
          .isEqualTo(115);
      assertThat(store().reputation().sum(member.id(),
          Set.of(up, ReputationReason.ANSWER_ACCEPTED, ReputationReason.IDEA_UPVOTED), from, until)).isEqualTo(120);
      assertThat(store().reputation().sum(member.id(), Set.of(ReputationReason.DOWNVOTE_CAST), from, until))
          .isZero();
      assertThat(store().reputation().sum(member.id(), Set.of(up), from, from)).isZero();
      assertThat(store().reputation().sum(member.id(), Set.of(up), from.minusNanos(1_000), until.plusNanos(1_000)))
          .isEqualTo(1101);
    }

    @Test
    @DisplayName("sum over whole UTC days, as the daily cap asks, counts midnight in and the next midnight out")
    void sum_wholeUtcDays() {
      Member member = newMember();
      Member other = newMember();
      Topic topic = newTopic(newSpace(), member, at(0), 0);
      Instant day = Instant.parse("2026-03-02T00:00:00Z");
      Instant next = day.plus(java.time.Duration.ofDays(1));
      ReputationReason up = ReputationReason.POST_UPVOTED;
      append(Samples.entry(member.id(), 1, up, topic, day.minusNanos(1_000)));
      append(Samples.entry(member.id(), 10, up, topic, day));
      append(Samples.entry(member.id(), 20, up, topic, day.plusSeconds(3_600)));
      append(reversal(member.id(), -10, up, topic, day.plusSeconds(7_200)));
      append(Samples.entry(member.id(), 15, ReputationReason.ANSWER_ACCEPTED, topic, day.plusSeconds(7_200)));
      append(Samples.entry(member.id(), 40, up, topic, next.minusNanos(1_000)));
      append(Samples.entry(member.id(), 1000, up, topic, next));
      append(Samples.entry(other.id(), 7, up, topic, day.plusSeconds(60)));

      assertThat(store().reputation().sum(member.id(), Set.of(up), day, next)).isEqualTo(60);
      assertThat(store().reputation().sum(member.id(), Set.of(up, ReputationReason.ANSWER_ACCEPTED), day, next))
          .isEqualTo(75);
      assertThat(store().reputation().sum(member.id(), Set.of(up), day.minus(java.time.Duration.ofDays(1)),
          next.plus(java.time.Duration.ofDays(1)))).isEqualTo(1061);
      assertThat(store().reputation().sum(member.id(), Set.of(up), day, day)).isZero();
    }

    @Test
    @DisplayName("list pages through one member's entries in id order")
    void list_pagesInIdOrder() {
      Member member = newMember();
      Member other = newMember();
      List<ReputationEntry> mine = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        mine.add(append(adjustment(member.id(), i, at(i))));
        append(adjustment(other.id(), 100 + i, at(i)));
      }

      assertThat(store().reputation().list(member.id(), Optional.empty(), 2))
          .containsExactly(mine.get(0), mine.get(1));
      assertThat(store().reputation().list(member.id(), Optional.of(mine.get(1).id()), 2))
          .containsExactly(mine.get(2), mine.get(3));
      assertThat(store().reputation().list(member.id(), Optional.of(mine.get(3).id()), 2))
          .containsExactly(mine.get(4));
      assertThat(store().reputation().list(member.id(), Optional.of(mine.get(4).id()), 2)).isEmpty();
      assertThat(store().reputation().list(member.id(), Optional.empty(), 1000)).containsExactlyElementsOf(mine);
      assertThat(store().reputation().list(newMember().id(), Optional.empty(), 1000)).isEmpty();
    }
  }

  /**
   * Leaderboards over six members. A topic T1 in space S1 tagged wifi, T2 in S2 tagged router, T3 in S2 tagged
   * wifi and router. The expected rows are written out by hand from this table, not computed:
   *
   * <pre>
   * member  entries                          all   S1   S2    wifi  router
   * A       +10 T1, +15 T1, -2 T2            23    25   -2    25    -2
   * B       +10 T2, +10 T3, +3 T1            23    3    20    13    20
   * C       +10 T1, -10 T1 (reversal)        0     0    -     0     -
   * D       +5 T3, -100 T2                   -95   -    -95   5     -95
   * E       +40 T3                           40    -    40    40    40
   * F       +7, about nothing                7     -    -     -     -
   * </pre>
   */
  @Nested
  @DisplayName("leaderboards, expertise and totals")
  class Rankings {
    @Test
    @DisplayName("the leaderboard of everything ranks positive gains only, by gain, ties by the lower member id")
    void leaderboard_all_positiveGainsByGainThenMemberId() {
      Board board = sixMembers();

      assertThat(store().reputation().leaderboard(LeaderboardScope.all(), Optional.empty(), 1000)).containsExactly(
          row(board.e, 40), row(board.a, 23), row(board.b, 23), row(board.f, 7));
      assertThat(store().reputation().leaderboard(LeaderboardScope.all(), Optional.empty(), 2)).containsExactly(
          row(board.e, 40), row(board.a, 23));
      assertThat(store().reputation().leaderboard(LeaderboardScope.all(), Optional.empty(), 1)).containsExactly(
          row(board.e, 40));
    }

    @Test
    @DisplayName("a space leaderboard counts only entries about that space's content")
    void leaderboard_space_countsThatSpaceOnly() {
      Board board = sixMembers();

      assertThat(store().reputation().leaderboard(LeaderboardScope.space(board.s1.id()), Optional.empty(), 1000))
          .containsExactly(row(board.a, 25), row(board.b, 3));
      assertThat(store().reputation().leaderboard(LeaderboardScope.space(board.s2.id()), Optional.empty(), 1000))
          .containsExactly(row(board.e, 40), row(board.b, 20));
      assertThat(store().reputation().leaderboard(LeaderboardScope.space(newSpace().id()), Optional.empty(), 1000))
          .isEmpty();
    }

    @Test
    @DisplayName("a tag leaderboard counts only entries about topics with that tag")
    void leaderboard_tag_countsThatTagOnly() {
      Board board = sixMembers();

      assertThat(store().reputation().leaderboard(LeaderboardScope.tag("wifi"), Optional.empty(), 1000))
          .containsExactly(row(board.e, 40), row(board.a, 25), row(board.b, 13), row(board.d, 5));
      assertThat(store().reputation().leaderboard(LeaderboardScope.tag("router"), Optional.empty(), 1000))
          .containsExactly(row(board.e, 40), row(board.b, 20));
      assertThat(store().reputation().leaderboard(LeaderboardScope.tag("printer"), Optional.empty(), 1000))
          .isEmpty();
    }

    @Test
    @DisplayName("since counts entries at the very instant and after it, not a microsecond before, in every scope")
    void leaderboard_since_isInclusiveToTheMicrosecond() {
      Member g = newMember();
      Member h = newMember();
      Member i = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, g, at(0), 0, "wifi");
      Instant since = at(100);
      append(Samples.entry(g.id(), 10, ReputationReason.POST_UPVOTED, topic, since.minusNanos(1_000)));
      append(Samples.entry(g.id(), 5, ReputationReason.POST_UPVOTED, topic, since));
      append(Samples.entry(h.id(), 8, ReputationReason.POST_UPVOTED, topic, since.plusNanos(1_000)));
      append(Samples.entry(i.id(), 3, ReputationReason.POST_UPVOTED, topic, since.minusNanos(1_000)));

      for (LeaderboardScope scope : List.of(LeaderboardScope.all(), LeaderboardScope.space(space.id()),
          LeaderboardScope.tag("wifi"))) {
        assertThat(store().reputation().leaderboard(scope, Optional.of(since), 1000)).as("since, %s", scope)
            .containsExactly(row(h, 8), row(g, 5));
        assertThat(store().reputation().leaderboard(scope, Optional.empty(), 1000)).as("all time, %s", scope)
            .containsExactly(row(g, 15), row(h, 8), row(i, 3));
      }
      assertThat(store().reputation().leaderboard(LeaderboardScope.all(), Optional.of(since.plusNanos(1_000)), 1000))
          .containsExactly(row(h, 8));
    }

    @Test
    @DisplayName("experts rank by accepted answers, then up votes, then member id, counting reversals as -1")
    void experts_orderAndReversals() {
      Member m1 = newMember();
      Member m2 = newMember();
      Member m3 = newMember();
      Member m4 = newMember();
      Member m5 = newMember();
      Member m6 = newMember();
      Member m7 = newMember();
      Space space = newSpace();
      Topic wifi = newTopic(space, m1, at(0), 0, "wifi");
      Topic router = newTopic(space, m1, at(0), 0, "router");
      Topic both = newTopic(space, m1, at(0), 0, "wifi", "router");
      Topic printer = newTopic(space, m1, at(0), 0, "printer");
      ReputationReason accepted = ReputationReason.ANSWER_ACCEPTED;
      ReputationReason up = ReputationReason.POST_UPVOTED;
      // m1: 2 accepted answers, 1 up vote; other reasons never count.
      repeat(2, () -> append(Samples.entry(m1.id(), 15, accepted, wifi, at(1))));
      append(Samples.entry(m1.id(), 10, up, router, at(1)));
      append(Samples.entry(m1.id(), 5, ReputationReason.IDEA_UPVOTED, wifi, at(1)));
      append(Samples.entry(m1.id(), 2, ReputationReason.ACCEPTED_AN_ANSWER, wifi, at(1)));
      append(Samples.entry(m1.id(), -2, ReputationReason.POST_DOWNVOTED, wifi, at(1)));
      // m2: 2 accepted answers, one on a topic with both tags, which counts once; 3 up votes.
      append(Samples.entry(m2.id(), 15, accepted, both, at(1)));
      append(Samples.entry(m2.id(), 15, accepted, router, at(1)));
      repeat(3, () -> append(Samples.entry(m2.id(), 10, up, both, at(1))));
      // m3: 2 accepted answers, one taken back; 5 up votes.
      repeat(2, () -> append(Samples.entry(m3.id(), 15, accepted, wifi, at(1))));
      append(reversal(m3.id(), -15, accepted, wifi, at(2)));
      repeat(5, () -> append(Samples.entry(m3.id(), 10, up, wifi, at(1))));
      // m4 and m5: 5 up votes each, some of them capped to a delta of 0, which still count.
      repeat(3, () -> append(Samples.entry(m4.id(), 10, up, wifi, at(1))));
      repeat(2, () -> append(Samples.entry(m4.id(), 0, up, wifi, at(1))));
      repeat(5, () -> append(Samples.entry(m5.id(), 10, up, router, at(1))));
      // m6: an up vote and its retraction: nothing left.
      append(Samples.entry(m6.id(), 10, up, wifi, at(1)));
      append(reversal(m6.id(), -10, up, wifi, at(2)));
      // m7: only in another tag.
      append(Samples.entry(m7.id(), 15, accepted, printer, at(1)));

      assertThat(store().reputation().experts(List.of("wifi", "router"), 1000)).containsExactly(
          new ExpertiseRow(m2.id(), 2, 3), new ExpertiseRow(m1.id(), 2, 1), new ExpertiseRow(m3.id(), 1, 5),
          new ExpertiseRow(m4.id(), 0, 5), new ExpertiseRow(m5.id(), 0, 5));
      assertThat(store().reputation().experts(List.of("wifi", "router"), 2)).containsExactly(
          new ExpertiseRow(m2.id(), 2, 3), new ExpertiseRow(m1.id(), 2, 1));
      assertThat(store().reputation().experts(List.of("router"), 1000)).containsExactly(
          new ExpertiseRow(m2.id(), 2, 3), new ExpertiseRow(m5.id(), 0, 5), new ExpertiseRow(m1.id(), 0, 1));
      assertThat(store().reputation().experts(List.of("printer"), 1000)).containsExactly(
          new ExpertiseRow(m7.id(), 1, 0));
      assertThat(store().reputation().experts(List.of("nothing"), 1000)).isEmpty();
    }

    @Test
    @DisplayName("totals page through every member with entries by member id, each with the sum of their deltas")
    void totals_pageByMemberId() {
      Member a = newMember();
      Member b = newMember();
      Member c = newMember();
      Member d = newMember();
      append(adjustment(a.id(), 10, at(1)));
      append(adjustment(d.id(), -3, at(2)));
      append(adjustment(c.id(), 5, at(3)));
      append(adjustment(a.id(), -2, at(4)));
      append(adjustment(c.id(), -5, at(5)));

      List<MemberTotal> all = store().reputation().totals(Optional.empty(), 1000);
      List<MemberTotal> firstPage = store().reputation().totals(Optional.empty(), 2);
      List<MemberTotal> secondPage = store().reputation().totals(Optional.of(c.id()), 2);

      assertThat(all).containsExactly(new MemberTotal(a.id(), 8), new MemberTotal(c.id(), 0),
          new MemberTotal(d.id(), -3));
      assertThat(firstPage).containsExactly(new MemberTotal(a.id(), 8), new MemberTotal(c.id(), 0));
      assertThat(secondPage).containsExactly(new MemberTotal(d.id(), -3));
      assertThat(store().reputation().totals(Optional.of(b.id()), 1)).containsExactly(new MemberTotal(c.id(), 0));
      assertThat(store().reputation().totals(Optional.of(d.id()), 2)).isEmpty();
    }

    private Board sixMembers() {
      Member a = newMember();
      Member b = newMember();
      Member c = newMember();
      Member d = newMember();
      Member e = newMember();
      Member f = newMember();
      Space s1 = newSpace();
      Space s2 = newSpace();
      Topic t1 = newTopic(s1, a, at(0), 0, "wifi");
      Topic t2 = newTopic(s2, a, at(0), 0, "router");
      Topic t3 = newTopic(s2, a, at(0), 0, "wifi", "router");
      ReputationReason up = ReputationReason.POST_UPVOTED;
      append(Samples.entry(a.id(), 10, up, t1, at(1)));
      append(Samples.entry(a.id(), 15, ReputationReason.ANSWER_ACCEPTED, t1, at(2)));
      append(Samples.entry(a.id(), -2, ReputationReason.POST_DOWNVOTED, t2, at(3)));
      append(Samples.entry(b.id(), 10, up, t2, at(1)));
      append(Samples.entry(b.id(), 10, up, t3, at(2)));
      append(Samples.entry(b.id(), 3, ReputationReason.REVIEW_HELPFUL, t1, at(3)));
      append(Samples.entry(c.id(), 10, up, t1, at(1)));
      append(reversal(c.id(), -10, up, t1, at(2)));
      append(Samples.entry(d.id(), 5, up, t3, at(1)));
      append(Samples.entry(d.id(), -100, ReputationReason.SPAM_REMOVED, t2, at(2)));
      append(Samples.entry(e.id(), 40, up, t3, at(1)));
      append(adjustment(f.id(), 7, at(1)));
      return new Board(a, b, d, e, f, s1, s2);
    }

    private LeaderboardRow row(Member member, long gained) {
      return new LeaderboardRow(member.id(), gained);
    }

    private void repeat(int times, Runnable action) {
      for (int i = 0; i < times; i++) {
        action.run();
      }
    }
  }

  /** The members and spaces of {@link Rankings#sixMembers()} that the leaderboards list. */
  private record Board(Member a, Member b, Member d, Member e, Member f, Space s1, Space s2) {}

  @Nested
  @DisplayName("badges")
  class Badges {
    @Test
    @DisplayName("an inserted award is found with every field, and list returns a member's awards oldest first")
    void insert_thenFindAndList() {
      Member member = newMember();
      Member other = newMember();
      BadgeAward first = new BadgeAward(member.id(), "first-answer", BadgeTier.BRONZE, "", at(50));
      BadgeAward nice42 = new BadgeAward(member.id(), "nice-answer", BadgeTier.SILVER, "post:42", at(10));
      BadgeAward nice43 = new BadgeAward(member.id(), "nice-answer", BadgeTier.SILVER, "post:43", at(30));
      BadgeAward expert = new BadgeAward(member.id(), "tag-expert", BadgeTier.GOLD, "tag:wifi", at(40));
      BadgeAward others = new BadgeAward(other.id(), "first-answer", BadgeTier.BRONZE, "", at(20));

      store().badges().insert(first);
      store().badges().insert(nice43);
      store().badges().insert(others);
      store().badges().insert(expert);
      store().badges().insert(nice42);

      assertThat(store().badges().find(member.id(), "first-answer", "")).contains(first);
      assertThat(store().badges().find(member.id(), "nice-answer", "post:42")).contains(nice42);
      assertThat(store().badges().find(member.id(), "tag-expert", "tag:wifi")).contains(expert);
      assertThat(store().badges().find(member.id(), "nice-answer", "post:44")).isEmpty();
      assertThat(store().badges().find(member.id(), "nice-answer", "")).isEmpty();
      assertThat(store().badges().find(newMember().id(), "first-answer", "")).isEmpty();
      assertThat(store().badges().list(member.id())).containsExactly(nice42, nice43, expert, first);
      assertThat(store().badges().list(other.id())).containsExactly(others);
      assertThat(store().badges().list(newMember().id())).isEmpty();
    }

    @Test
    @DisplayName("a badge the member holds for the subject is a duplicate key; other subjects and members may have it")
    void insert_sameSubject_throwsDuplicateKey() {
      Member member = newMember();
      Member other = newMember();
      BadgeAward held = new BadgeAward(member.id(), "nice-answer", BadgeTier.SILVER, "post:42", at(10));
      store().badges().insert(held);

      assertThatThrownBy(() -> store().badges().insert(
          new BadgeAward(member.id(), "nice-answer", BadgeTier.GOLD, "post:42", at(20))))
          .isInstanceOf(DuplicateKeyException.class);
      BadgeAward otherSubject = new BadgeAward(member.id(), "nice-answer", BadgeTier.SILVER, "post:43", at(30));
      BadgeAward otherBadge = new BadgeAward(member.id(), "good-answer", BadgeTier.GOLD, "post:42", at(40));
      BadgeAward otherMember = new BadgeAward(other.id(), "nice-answer", BadgeTier.SILVER, "post:42", at(50));
      store().badges().insert(otherSubject);
      store().badges().insert(otherBadge);
      store().badges().insert(otherMember);

      assertThat(store().badges().find(member.id(), "nice-answer", "post:42")).contains(held);
      assertThat(store().badges().list(member.id())).containsExactly(held, otherSubject, otherBadge);
      assertThat(store().badges().list(other.id())).containsExactly(otherMember);
    }

    @Test
    @DisplayName("an award inserted by a transaction that rolls back is gone, and may be awarded again")
    void insert_rolledBack_mayBeAwardedAgain() {
      Member member = newMember();
      BadgeAward award = new BadgeAward(member.id(), "first-answer", BadgeTier.BRONZE, "", at(10));
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        store().badges().insert(award);
        throw boom;
      })).isSameAs(boom);

      assertThat(store().badges().find(member.id(), "first-answer", "")).isEmpty();
      store().badges().insert(award);
      assertThat(store().badges().list(member.id())).containsExactly(award);
    }
  }

  @Nested
  @DisplayName("sentiment aggregates")
  class SentimentAggregates {
    @Test
    @DisplayName("record adds a named post to the community, its space, each of its tags, its member, account and "
        + "product, and its topic, on the post's day; no other scope")
    void record_namedPost_countsInEveryScope() {
      Member author = newMember();
      Member other = newMember();
      Space space = newSpace();
      Space otherSpace = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi", "router");

      count(sentiment(topic, author.id(), at(60), -0.5));

      SentimentBucket counted = new SentimentBucket(D0, 1, 1, 0, 0, -0.5);
      for (SentimentScope scope : List.of(SentimentScope.community(), SentimentScope.space(space.id()),
          SentimentScope.tag("wifi"), SentimentScope.tag("router"), SentimentScope.member(author.id()),
          SentimentScope.account(Samples.ACCOUNT), SentimentScope.product(Samples.PRODUCT))) {
        assertThat(daily(scope)).as("%s", scope).usingElementComparator(SAME_BUCKET).containsExactly(counted);
      }
      for (SentimentScope scope : List.of(SentimentScope.space(otherSpace.id()), SentimentScope.tag("printer"),
          SentimentScope.member(other.id()), SentimentScope.account("acct-7"), SentimentScope.product("modem-y"))) {
        assertThat(daily(scope)).as("%s", scope).isEmpty();
      }
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 10)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), 1, 1, -0.5));
      assertThat(store().sentiment().mostNegativeOpenTopics(otherSpace.id(), 1, 10)).isEmpty();
    }

    @Test
    @DisplayName("an anonymous post about no product counts in the community, its space, its tags and its topic only")
    void record_anonymousPost_skipsMemberAccountAndProduct() {
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi");

      count(anonymousSentiment(topic, at(60), 0.25));

      SentimentBucket counted = new SentimentBucket(D0, 1, 0, 0, 1, 0.25);
      for (SentimentScope scope : List.of(
          SentimentScope.community(), SentimentScope.space(space.id()), SentimentScope.tag("wifi"))) {
        assertThat(daily(scope)).as("%s", scope).usingElementComparator(SAME_BUCKET).containsExactly(counted);
      }
      for (SentimentScopeKind kind : List.of(SentimentScopeKind.MEMBER, SentimentScopeKind.ACCOUNT,
          SentimentScopeKind.PRODUCT)) {
        assertThat(store().sentiment().activeScopes(kind, D0.minusYears(1), 100)).as("%s", kind).isEmpty();
      }
      assertThat(daily(SentimentScope.member(author.id()))).isEmpty();
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 10)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), 1, 0, 0.25));
    }

    @Test
    @DisplayName("a tag listed twice in one sample counts once")
    void record_repeatedTag_countsOnce() {
      Member author = newMember();
      Topic topic = newTopic(newSpace(), author, at(0), 0, "wifi");

      count(tagged(sentiment(topic, author.id(), at(60), -0.25), List.of("wifi", "wifi")));

      assertThat(daily(SentimentScope.tag("wifi"))).usingElementComparator(SAME_BUCKET)
          .containsExactly(new SentimentBucket(D0, 1, 1, 0, 0, -0.25));
    }

    @Test
    @DisplayName("one day's bucket counts posts by label and sums their scores; the label decides, not the score")
    void record_severalPosts_countsByLabelAndSumsScores() {
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi");

      count(sentiment(topic, author.id(), at(10), -0.75));
      count(sentiment(topic, author.id(), at(20), -0.25));
      count(sentiment(topic, author.id(), at(30), 0));
      count(sentiment(topic, author.id(), at(40), 0.125));
      count(anonymousSentiment(topic, at(50), 0.5));
      // A score that reads neutral, labelled negative (say, by an analyzer with other thresholds): counted negative.
      count(labelled(sentiment(topic, author.id(), at(60), 0.02), SentimentLabel.NEGATIVE));

      double sum = -0.75 - 0.25 + 0 + 0.125 + 0.5 + 0.02;
      assertThat(daily(SentimentScope.space(space.id()))).usingElementComparator(SAME_BUCKET)
          .containsExactly(new SentimentBucket(D0, 6, 3, 1, 2, sum));
      assertThat(daily(SentimentScope.member(author.id()))).usingElementComparator(SAME_BUCKET)
          .containsExactly(new SentimentBucket(D0, 5, 3, 1, 1, sum - 0.5));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 10)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), 6, 3, sum));
    }

    @Test
    @DisplayName("taking posts out undoes adding them: emptied buckets vanish from daily, emptied scopes from the "
        + "active ones, and a topic without posts from the most negative, even with minPosts 0")
    void record_takenOut_undoesAdding() {
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi", "router");
      SentimentSample first = sentiment(topic, author.id(), at(10), -0.5);
      SentimentSample second = sentiment(topic, author.id(), at(20), 0.25);
      SentimentSample nextDay = sentiment(topic, author.id(), at(DAY + 10), 0.75);
      count(first);
      count(second);
      count(nextDay);

      count(takenOut(second));

      assertThat(daily(SentimentScope.tag("router"))).usingElementComparator(SAME_BUCKET).containsExactly(
          new SentimentBucket(D0, 1, 1, 0, 0, -0.5), new SentimentBucket(D0.plusDays(1), 1, 0, 0, 1, 0.75));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 10)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), 2, 1, 0.25));

      count(takenOut(nextDay));
      count(takenOut(first));

      for (SentimentScope scope : List.of(SentimentScope.community(), SentimentScope.space(space.id()),
          SentimentScope.tag("wifi"), SentimentScope.tag("router"), SentimentScope.member(author.id()),
          SentimentScope.account(Samples.ACCOUNT), SentimentScope.product(Samples.PRODUCT))) {
        assertThat(daily(scope)).as("%s", scope).isEmpty();
      }
      for (SentimentScopeKind kind : SentimentScopeKind.values()) {
        assertThat(store().sentiment().activeScopes(kind, D0.minusYears(1), 100)).as("%s", kind).isEmpty();
      }
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("an edit takes the old score out and adds the new: the post moves from one label to the other")
    void record_edit_movesBetweenLabels() {
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi");
      SentimentSample before = sentiment(topic, author.id(), at(10), 0.5);
      count(before);

      tx().run(() -> {
        count(takenOut(before));
        count(new SentimentSample(before.postId(), topic.id(), space.id(), before.authorId(), before.accountId(),
            before.productId(), before.tags(), before.postedAt(), -0.75, SentimentLabel.NEGATIVE, 1));
      });

      assertThat(daily(SentimentScope.community())).usingElementComparator(SAME_BUCKET)
          .containsExactly(new SentimentBucket(D0, 1, 1, 0, 0, -0.75));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 10)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), 1, 1, -0.75));
    }

    @Test
    @DisplayName("daily returns one bucket per day with posts, in day order, both bounds inclusive")
    void daily_range_inclusiveBothEnds() {
      Member author = newMember();
      Topic topic = newTopic(newSpace(), author, at(0), 0, "wifi");
      SentimentScope wifi = SentimentScope.tag("wifi");
      // Recorded out of order; day 2 stays empty.
      count(sentiment(topic, author.id(), at(3 * DAY), 0.75));
      count(sentiment(topic, author.id(), at(0), -0.5));
      count(sentiment(topic, author.id(), at(DAY), 0));
      SentimentBucket day0 = new SentimentBucket(D0, 1, 1, 0, 0, -0.5);
      SentimentBucket day1 = new SentimentBucket(D0.plusDays(1), 1, 0, 1, 0, 0);
      SentimentBucket day3 = new SentimentBucket(D0.plusDays(3), 1, 0, 0, 1, 0.75);

      assertThat(store().sentiment().daily(wifi, D0, D0.plusDays(3))).usingElementComparator(SAME_BUCKET)
          .containsExactly(day0, day1, day3);
      assertThat(store().sentiment().daily(wifi, D0.minusDays(30), D0.plusDays(30)))
          .usingElementComparator(SAME_BUCKET).containsExactly(day0, day1, day3);
      assertThat(store().sentiment().daily(wifi, D0.plusDays(1), D0.plusDays(1))).usingElementComparator(SAME_BUCKET)
          .containsExactly(day1);
      assertThat(store().sentiment().daily(wifi, D0.plusDays(1), D0.plusDays(2))).usingElementComparator(SAME_BUCKET)
          .containsExactly(day1);
      assertThat(store().sentiment().daily(wifi, D0.plusDays(2), D0.plusDays(3))).usingElementComparator(SAME_BUCKET)
          .containsExactly(day3);
      assertThat(store().sentiment().daily(wifi, D0.plusDays(2), D0.plusDays(2))).isEmpty();
      assertThat(store().sentiment().daily(wifi, D0.plusDays(4), D0.plusDays(30))).isEmpty();
      assertThat(store().sentiment().daily(wifi, D0.plusDays(3), D0)).as("bounds the wrong way round").isEmpty();
    }

    @Test
    @DisplayName("a post counts on its UTC date: a microsecond before midnight is the day before, midnight and after "
        + "the new day")
    void record_aroundUtcMidnight_countsOnUtcDate() {
      Member author = newMember();
      Topic topic = newTopic(newSpace(), author, at(0), 0, "wifi");
      Instant midnight = Instant.parse("2024-03-02T00:00:00Z");

      count(sentiment(topic, author.id(), midnight.minus(1, ChronoUnit.MICROS), -0.5));
      count(sentiment(topic, author.id(), midnight, 0.25));
      count(sentiment(topic, author.id(), midnight.plus(1, ChronoUnit.MICROS), 0.5));

      assertThat(daily(SentimentScope.community())).usingElementComparator(SAME_BUCKET).containsExactly(
          new SentimentBucket(LocalDate.parse("2024-03-01"), 1, 1, 0, 0, -0.5),
          new SentimentBucket(LocalDate.parse("2024-03-02"), 2, 0, 0, 2, 0.75));
    }

    @Test
    @DisplayName("samples recorded by a transaction that rolls back leave every bucket, total and scope as it was")
    void record_rolledBack_leavesNothing() {
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi");
      Topic other = newTopic(space, author, at(0), 0, "router");
      SentimentSample kept = sentiment(topic, author.id(), at(10), -0.5);
      count(kept);
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        count(sentiment(topic, author.id(), at(20), 0.75));
        count(takenOut(kept));
        count(sentiment(other, author.id(), at(DAY), -0.25));
        count(anonymousSentiment(other, at(2 * DAY), 0.5));
        throw boom;
      })).isSameAs(boom);

      SentimentBucket counted = new SentimentBucket(D0, 1, 1, 0, 0, -0.5);
      for (SentimentScope scope : List.of(SentimentScope.community(), SentimentScope.space(space.id()),
          SentimentScope.tag("wifi"), SentimentScope.member(author.id()))) {
        assertThat(daily(scope)).as("%s", scope).usingElementComparator(SAME_BUCKET).containsExactly(counted);
      }
      assertThat(daily(SentimentScope.tag("router"))).isEmpty();
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0, 100))
          .containsExactly(SentimentScope.tag("wifi"));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 0, 10)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), 1, 1, -0.5));
    }
  }

  @Nested
  @DisplayName("most negative open topics")
  class MostNegativeOpenTopics {
    @Test
    @DisplayName("lists a space's open topics by mean score, most negative first, equal means by the lower topic id")
    void mostNegative_byMeanThenId() {
      Member author = newMember();
      Space space = newSpace();
      Topic t1 = newTopic(space, author, at(0), 0);
      Topic t2 = newTopic(space, author, at(0), 0);
      Topic t3 = newTopic(space, author, at(0), 0);
      Topic t4 = newTopic(space, author, at(0), 0);
      Topic t5 = newTopic(space, author, at(0), 0);
      // Recorded in an order that is neither id nor mean order; t1 and t3 share the mean -0.5.
      count(sentiment(t5, author.id(), at(10), 0.5));
      count(sentiment(t3, author.id(), at(20), -0.5));
      count(sentiment(t4, author.id(), at(30), 0.25));
      count(sentiment(t1, author.id(), at(40), -0.5));
      count(sentiment(t2, author.id(), at(DAY), -0.75));
      count(sentiment(t4, author.id(), at(DAY), -0.25));
      count(sentiment(t1, author.id(), at(2 * DAY), -0.5));

      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 200)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(t2.id(), 1, 1, -0.75), new TopicSentiment(t1.id(), 2, 2, -1.0),
              new TopicSentiment(t3.id(), 1, 1, -0.5), new TopicSentiment(t4.id(), 2, 1, 0.0),
              new TopicSentiment(t5.id(), 1, 0, 0.5));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 2)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(t2.id(), 1, 1, -0.75), new TopicSentiment(t1.id(), 2, 2, -1.0));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 2, 200)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(t1.id(), 2, 2, -1.0), new TopicSentiment(t4.id(), 2, 1, 0.0));
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 3, 200)).isEmpty();
    }

    @Test
    @DisplayName("lists only topics of the space that are OPEN when asked, whatever they were when counted")
    void mostNegative_openTopicsOfTheSpaceOnly() {
      Member author = newMember();
      Space space = newSpace();
      Topic open = newTopic(space, author, at(0), 0);
      Topic closed = newTopic(space, author, at(0), 0);
      Topic locked = newTopic(space, author, at(0), 0);
      Topic elsewhere = newTopic(newSpace(), author, at(0), 0);
      newTopic(space, author, at(0), 0);
      count(sentiment(open, author.id(), at(10), -0.25));
      for (Topic topic : List.of(closed, locked, elsewhere)) {
        count(sentiment(topic, author.id(), at(10), -1));
      }
      assertThat(store().topics().updateStatus(closed.id(), 1, TopicStatus.CLOSED, at(20))).isTrue();
      assertThat(store().topics().updateStatus(locked.id(), 1, TopicStatus.LOCKED, at(20))).isTrue();

      // The silent topic is open too, but has no posts to count: not listed, even with minPosts 0.
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 0, 200)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(open.id(), 1, 1, -0.25));

      assertThat(store().topics().updateStatus(closed.id(), 2, TopicStatus.OPEN, at(30))).isTrue();

      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 200)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(closed.id(), 1, 1, -1), new TopicSentiment(open.id(), 1, 1, -0.25));
    }
  }

  @Nested
  @DisplayName("active scopes")
  class ActiveScopes {
    @Test
    @DisplayName("lists the scopes of one kind with posts on or after the day, each once, in key order, at most the "
        + "limit")
    void activeScopes_sinceDay_inKeyOrder() {
      Member author = newMember();
      Space space = newSpace();
      count(anonymousSentiment(newTopic(space, author, at(0), 0, "gamma", "alpha"), at(0), 0.25));
      count(anonymousSentiment(newTopic(space, author, at(0), 0, "beta", "alpha"), at(2 * DAY), -0.25));
      count(anonymousSentiment(newTopic(space, author, at(0), 0, "delta"), at(5 * DAY), 0));
      count(anonymousSentiment(newTopic(space, author, at(0), 0, "alpha"), at(5 * DAY), 0.5));

      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0, 100)).containsExactly(
          SentimentScope.tag("alpha"), SentimentScope.tag("beta"), SentimentScope.tag("delta"),
          SentimentScope.tag("gamma"));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0.plusDays(1), 100)).containsExactly(
          SentimentScope.tag("alpha"), SentimentScope.tag("beta"), SentimentScope.tag("delta"));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0.plusDays(2), 100)).containsExactly(
          SentimentScope.tag("alpha"), SentimentScope.tag("beta"), SentimentScope.tag("delta"));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0.plusDays(3), 100)).containsExactly(
          SentimentScope.tag("alpha"), SentimentScope.tag("delta"));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0.plusDays(5), 100)).containsExactly(
          SentimentScope.tag("alpha"), SentimentScope.tag("delta"));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0.plusDays(6), 100)).isEmpty();
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0, 2)).containsExactly(
          SentimentScope.tag("alpha"), SentimentScope.tag("beta"));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.COMMUNITY, D0.plusDays(5), 100))
          .containsExactly(SentimentScope.community());
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.SPACE, D0, 100))
          .containsExactly(SentimentScope.space(space.id()));
    }

    @Test
    @DisplayName("keys are ordered as strings: space 10 comes before space 9")
    void activeScopes_spaces_inStringOrder() {
      Member author = newMember();
      List<SentimentScope> expected = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        Space space = newSpace();
        count(anonymousSentiment(newTopic(space, author, at(0), 0), at(i), 0.25));
        expected.add(SentimentScope.space(space.id()));
      }
      expected.sort(Comparator.comparing(SentimentScope::key));

      assertThat(store().sentiment().activeScopes(SentimentScopeKind.SPACE, D0, 100)).containsExactlyElementsOf(
          expected);
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.SPACE, D0, 3)).containsExactlyElementsOf(
          expected.subList(0, 3));
    }

    @Test
    @DisplayName("a scope whose posts since the day were all taken out is not active, though it has older posts")
    void activeScopes_takenOut_notActive() {
      Member author = newMember();
      Topic topic = newTopic(newSpace(), author, at(0), 0, "wifi");
      count(sentiment(topic, author.id(), at(0), 0.25));
      SentimentSample later = sentiment(topic, author.id(), at(3 * DAY), -0.25);
      count(later);

      count(takenOut(later));

      assertThat(store().sentiment().activeScopes(SentimentScopeKind.TAG, D0.plusDays(1), 100)).isEmpty();
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.MEMBER, D0.plusDays(1), 100)).isEmpty();
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.MEMBER, D0, 100))
          .containsExactly(SentimentScope.member(author.id()));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.ACCOUNT, D0, 100))
          .containsExactly(SentimentScope.account(Samples.ACCOUNT));
      assertThat(store().sentiment().activeScopes(SentimentScopeKind.PRODUCT, D0, 100))
          .containsExactly(SentimentScope.product(Samples.PRODUCT));
    }
  }

  @Nested
  @DisplayName("sentiment alerts")
  class SentimentAlerts {
    @Test
    @DisplayName("an inserted alert is found with its time; other windows, scopes, and kinds with the same key, have "
        + "none")
    void insertAlert_thenFind() {
      SentimentScope wifi = SentimentScope.tag("wifi");
      SentimentScope space5 = SentimentScope.space(new SpaceId(5));
      SentimentScope member5 = SentimentScope.member(new MemberId(5));

      store().sentiment().insertAlert(wifi, D0, at(100));
      store().sentiment().insertAlert(space5, D0, at(200));
      store().sentiment().insertAlert(SentimentScope.community(), D0, at(300));

      assertThat(store().sentiment().findAlert(wifi, D0)).contains(at(100));
      assertThat(store().sentiment().findAlert(space5, D0)).contains(at(200));
      assertThat(store().sentiment().findAlert(SentimentScope.community(), D0)).contains(at(300));
      assertThat(store().sentiment().findAlert(wifi, D0.plusDays(1))).isEmpty();
      assertThat(store().sentiment().findAlert(wifi, D0.minusDays(1))).isEmpty();
      assertThat(store().sentiment().findAlert(SentimentScope.tag("router"), D0)).isEmpty();
      assertThat(store().sentiment().findAlert(member5, D0)).isEmpty();

      store().sentiment().insertAlert(member5, D0, at(400));
      assertThat(store().sentiment().findAlert(member5, D0)).contains(at(400));
    }

    @Test
    @DisplayName("a second alert for the same scope and window end is a duplicate key, and the first stays")
    void insertAlert_sameScopeAndWindow_throwsDuplicateKey() {
      SentimentScope wifi = SentimentScope.tag("wifi");
      store().sentiment().insertAlert(wifi, D0, at(100));

      assertThatThrownBy(() -> store().sentiment().insertAlert(wifi, D0, at(200)))
          .isInstanceOf(DuplicateKeyException.class);

      assertThat(store().sentiment().findAlert(wifi, D0)).contains(at(100));
      store().sentiment().insertAlert(wifi, D0.plusDays(1), at(200));
      assertThat(store().sentiment().findAlert(wifi, D0.plusDays(1))).contains(at(200));
    }

    @Test
    @DisplayName("an alert inserted by a transaction that rolls back is gone, and may be raised again")
    void insertAlert_rolledBack_mayBeRaisedAgain() {
      SentimentScope wifi = SentimentScope.tag("wifi");
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        store().sentiment().insertAlert(wifi, D0, at(100));
        throw boom;
      })).isSameAs(boom);

      assertThat(store().sentiment().findAlert(wifi, D0)).isEmpty();
      store().sentiment().insertAlert(wifi, D0, at(200));
      assertThat(store().sentiment().findAlert(wifi, D0)).contains(at(200));
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
        store().topics().updateAcceptedAnswer(topic.id(), Optional.of(post.id()));
        store().topics().addAnswers(topic.id(), 1);
        store().posts().updateWilson(post.id(), 0.75);
        store().members().addReputation(neighbour.id(), 10);
        store().reputation().append(Samples.entry(neighbour.id(), 10, ReputationReason.POST_UPVOTED, topic, at(9)));
        store().badges().insert(new BadgeAward(neighbour.id(), "first-answer", BadgeTier.BRONZE, "", at(9)));
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
      assertThat(store().members().find(neighbour.id())).contains(neighbour);
      assertThat(store().reputation().list(neighbour.id(), Optional.empty(), 1000)).isEmpty();
      assertThat(store().badges().list(neighbour.id())).isEmpty();
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
      List<List<Member>> voters = membersPerThread(votesPerThread);

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
            store().topics().addAnswers(topic.id(), 1);
            return store().topics().addScore(topic.id(), 1).orElseThrow();
          })));
        }
      });

      assertThat(failures).isEmpty();
      long expected = (long) THREADS * updatesPerThread;
      Topic stored = store().topics().find(topic.id()).orElseThrow();
      assertThat(stored.replyCount()).isEqualTo(expected);
      assertThat(stored.answerCount()).isEqualTo(expected);
      assertThat(stored.score()).isEqualTo(expected);
      assertThat(stored.lastActivityAt()).isEqualTo(at((THREADS - 1) * 1000L + updatesPerThread - 1));
      assertThat(stored.version()).isEqualTo(1);
      // Each transaction read the score its own update produced: every value from 1 to the total, once.
      assertThat(scoresSeen).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, expected).boxed().toList());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads each locking and raising one member's reputation 100 times lose nothing, and each sees "
        + "the total its own lock read plus one")
    void concurrentReputation_loseNothing() throws Exception {
      int updatesPerThread = 100;
      Member member = newMember();
      Queue<long[]> seen = new ConcurrentLinkedQueue<>();

      Queue<Throwable> failures = runConcurrently(thread -> {
        for (int i = 0; i < updatesPerThread; i++) {
          seen.add(withTransientRetry(() -> tx().inTransaction(() -> {
            long locked = store().members().reputationForUpdate(member.id()).orElseThrow();
            long raised = store().members().addReputation(member.id(), 1).orElseThrow();
            return new long[] {locked, raised};
          })));
        }
      });

      assertThat(failures).isEmpty();
      long updates = (long) THREADS * updatesPerThread;
      assertThat(store().members().find(member.id()).orElseThrow().reputation()).isEqualTo(7 + updates);
      assertThat(seen).allSatisfy(pair -> assertThat(pair[1]).isEqualTo(pair[0] + 1));
      // Each transaction held the lock from its read to its commit: every total from 7 on was read once.
      assertThat(seen.stream().map(pair -> pair[0]).toList())
          .containsExactlyInAnyOrderElementsOf(LongStream.range(7, 7 + updates).boxed().toList());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads recording 50 samples each into the same scopes and day lose none: exact counts and sums")
    void concurrentSentiment_losesNothing() throws Exception {
      int samplesPerThread = 50;
      Member author = newMember();
      Space space = newSpace();
      Topic topic = newTopic(space, author, at(0), 0, "wifi");
      // Quarters add up exactly in binary, so the expected sums need no rounding.
      double[] scores = {-0.5, 0, 0.25, 0.75};

      Queue<Throwable> failures = runConcurrently(thread -> {
        for (int i = 0; i < samplesPerThread; i++) {
          SentimentSample sample = sentiment(topic, author.id(), at(thread * samplesPerThread + i), scores[i % 4]);
          // The first samples of a day may race to create its rows: a store may report that as a duplicate key.
          withRetry(() -> tx().inTransaction(() -> {
            count(sample);
            return null;
          }), e -> e instanceof TransientStorageException || e instanceof DuplicateKeyException);
        }
      });

      assertThat(failures).isEmpty();
      long[] byLabel = new long[3];
      double sum = 0;
      for (int i = 0; i < samplesPerThread; i++) {
        byLabel[SentimentLabel.of(scores[i % 4]).ordinal()] += THREADS;
        sum += THREADS * scores[i % 4];
      }
      long posts = (long) THREADS * samplesPerThread;
      SentimentBucket expected = new SentimentBucket(D0, posts, byLabel[0], byLabel[1], byLabel[2], sum);
      for (SentimentScope scope : List.of(SentimentScope.community(), SentimentScope.space(space.id()),
          SentimentScope.tag("wifi"), SentimentScope.member(author.id()), SentimentScope.account(Samples.ACCOUNT),
          SentimentScope.product(Samples.PRODUCT))) {
        assertThat(daily(scope)).as("%s", scope).usingElementComparator(SAME_BUCKET).containsExactly(expected);
      }
      assertThat(store().sentiment().mostNegativeOpenTopics(space.id(), 1, 1)).usingElementComparator(SAME_TOPIC)
          .containsExactly(new TopicSentiment(topic.id(), posts, byLabel[0], sum));
    }
  }

  /** @return every topic the query lists, page after page, in listing order */
  private List<Topic> pageThroughTopics(
      ListingOrder order, int limit, Function<Optional<ListingCursor>, TopicQuery> query) {
    return pageThrough(limit, after -> store().topics().list(query.apply(after)),
        last -> new ListingCursor(TopicQuery.rankOf(order, last), last.id().value()));
  }

  /** The UTC day of {@link Samples#T0}. */
  private static final LocalDate D0 = LocalDate.ofInstant(T0, ZoneOffset.UTC);

  /** A day in seconds, for {@link Samples#at}. */
  private static final long DAY = 24 * 60 * 60;

  /** Equal buckets; score sums within a rounding error, as a store may sum in another order or in decimal. */
  private static final Comparator<SentimentBucket> SAME_BUCKET = (a, b) -> a.start().equals(b.start())
      && a.posts() == b.posts() && a.negative() == b.negative() && a.neutral() == b.neutral()
      && a.positive() == b.positive() && Math.abs(a.scoreSum() - b.scoreSum()) < 1e-6 ? 0 : 1;

  /** Equal topic totals; score sums within a rounding error. */
  private static final Comparator<TopicSentiment> SAME_TOPIC = (a, b) -> a.topicId().equals(b.topicId())
      && a.posts() == b.posts() && a.negative() == b.negative() && Math.abs(a.scoreSum() - b.scoreSum()) < 1e-6
      ? 0 : 1;

  private void count(SentimentSample sample) {
    store().sentiment().record(sample);
  }

  /** @return the scope's buckets over a year either side of {@link #D0} */
  private List<SentimentBucket> daily(SentimentScope scope) {
    return store().sentiment().daily(scope, D0.minusYears(1), D0.plusYears(1));
  }

  private ReputationEntry append(NewReputationEntry entry) {
    return store().reputation().append(entry);
  }
}
