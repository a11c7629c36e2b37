package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicSentiment;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.storage.SentimentStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sentiment aggregates on in-memory H2: what the storage contract cannot see from outside (that day rows and topic
 * totals return exactly to zero, the fan-out to every scope, how a race on a new day ends) and the listings' filters.
 */
final class JooqSentimentStoreTest {
  private static final LocalDate DAY_1 = LocalDate.parse("2026-03-29");
  private static final LocalDate DAY_2 = DAY_1.plusDays(1);
  private static final Instant NOON_1 = Instant.parse("2026-03-29T12:00:00Z");

  private final ScratchDatabase database = ScratchDatabase.h2();
  private final JooqCommunityStore store = JooqCommunityStore.create(database.dataSource(),
      JooqStoreOptions.defaults().withSchemaMode(SchemaMode.MIGRATE));
  private final SentimentStore sentiment = store.sentiment();
  private final MemberId alice = member("alice");
  private final SpaceId space = space("help");
  private long posts;

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void record_thenTakeOut_leavesZeroCountsAndDailyOmitsTheDay() {
    TopicId topic = topic(space, "Router drops Wi-Fi");
    SentimentSample first = sample(topic, -0.3, NOON_1);
    SentimentSample second = sample(topic, 0.1, NOON_1.plusSeconds(60));
    SentimentSample other = sample(topic, 0.7, NOON_1.plus(Duration.ofDays(1)));

    sentiment.record(first);
    sentiment.record(second);
    sentiment.record(other);
    sentiment.record(reweigh(first, -1));
    sentiment.record(reweigh(second, -1));

    assertThat(sentiment.daily(SentimentScope.community(), DAY_1, DAY_2))
        .containsExactly(new SentimentBucket(DAY_2, 1, 0, 0, 1, 0.7));
    sentiment.record(reweigh(other, -1));
    assertThat(sentiment.daily(SentimentScope.community(), DAY_1, DAY_2)).isEmpty();
    assertThat(sentiment.daily(SentimentScope.space(space), DAY_1, DAY_2)).isEmpty();
    assertThat(sentiment.mostNegativeOpenTopics(space, 0, 10)).as("a topic with no counted post").isEmpty();
    assertThat(sentiment.activeScopes(SentimentScopeKind.SPACE, DAY_1, 10)).isEmpty();
    // Back at zero posts the sum was reset to exactly zero, not left at the residue of -0.3 + 0.1 + 0.7 - 0.3 ... in
    // floating point: adding one post again gives exactly its score.
    sentiment.record(reweigh(other, 1));
    assertThat(sentiment.mostNegativeOpenTopics(space, 0, 10))
        .containsExactly(new TopicSentiment(topic, 1, 0, 0.7));
  }

  @Test
  void record_namedPost_countsInEveryScopeItBelongsTo() {
    TopicId topic = topic(space, "Router drops Wi-Fi");
    SentimentSample named = new SentimentSample(nextPost(), topic, space, Optional.of(alice), Optional.of("acme"),
        Optional.of("router-x1"), List.of("wifi", "router", "wifi"), NOON_1, -0.6, SentimentLabel.NEGATIVE, 1);

    sentiment.record(named);

    SentimentBucket one = new SentimentBucket(DAY_1, 1, 1, 0, 0, -0.6);
    for (SentimentScope scope : List.of(SentimentScope.community(), SentimentScope.space(space),
        SentimentScope.tag("wifi"), SentimentScope.tag("router"), SentimentScope.member(alice),
        SentimentScope.account("acme"), SentimentScope.product("router-x1"))) {
      assertThat(sentiment.daily(scope, DAY_1, DAY_1)).as(scope.toString()).containsExactly(one);
    }
    assertThat(sentiment.daily(SentimentScope.tag("printer"), DAY_1, DAY_1)).isEmpty();
    assertThat(sentiment.daily(SentimentScope.space(new SpaceId(space.value() + 1)), DAY_1, DAY_1)).isEmpty();
    assertThat(sentiment.mostNegativeOpenTopics(space, 1, 10))
        .containsExactly(new TopicSentiment(topic, 1, 1, -0.6));
  }

  @Test
  void record_anonymousPostWithoutProduct_leavesMemberAccountAndProductAlone() {
    TopicId topic = topic(space, "Router drops Wi-Fi");
    sentiment.record(new SentimentSample(nextPost(), topic, space, Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), NOON_1, 0.0, SentimentLabel.NEUTRAL, 1));

    assertThat(sentiment.daily(SentimentScope.community(), DAY_1, DAY_1))
        .containsExactly(new SentimentBucket(DAY_1, 1, 0, 1, 0, 0.0));
    for (SentimentScopeKind kind : List.of(
        SentimentScopeKind.TAG, SentimentScopeKind.MEMBER, SentimentScopeKind.ACCOUNT, SentimentScopeKind.PRODUCT)) {
      assertThat(sentiment.activeScopes(kind, DAY_1, 10)).as(kind.name()).isEmpty();
    }
  }

  @Test
  void daily_countsEachPostOnItsUtcDateWithinTheRangeInDayOrder() {
    TopicId topic = topic(space, "Router drops Wi-Fi");
    sentiment.record(sample(topic, 0.5, Instant.parse("2026-03-30T00:00:00Z")));
    sentiment.record(sample(topic, -0.5, Instant.parse("2026-03-29T23:59:59.999999Z")));
    sentiment.record(sample(topic, 0.25, Instant.parse("2026-03-29T00:00:00Z")));
    sentiment.record(sample(topic, 0.9, Instant.parse("2026-03-28T23:59:59Z")));
    sentiment.record(sample(topic, 0.9, Instant.parse("2026-03-31T00:00:00Z")));

    assertThat(sentiment.daily(SentimentScope.space(space), DAY_1, DAY_2)).containsExactly(
        new SentimentBucket(DAY_1, 2, 1, 0, 1, -0.25), new SentimentBucket(DAY_2, 1, 0, 0, 1, 0.5));
    assertThat(sentiment.daily(SentimentScope.space(space), DAY_2, DAY_1)).isEmpty();
  }

  @Test
  void record_racingOnANewDay_loserFailsAndItsRetrySucceeds() throws Exception {
    TopicId first = topic(space, "Router drops Wi-Fi");
    TopicId second = topic(space, "Printer offline");
    CountDownLatch firstRecorded = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    CompletableFuture<Void> winner = CompletableFuture.runAsync(() -> store.transactor().run(() -> {
      sentiment.record(sample(first, -0.5, NOON_1));
      firstRecorded.countDown();
      // Commit while the second transaction waits on the uncommitted day rows (or once it has given up).
      Latches.pause(secondTried, Duration.ofMillis(500));
    }));
    Latches.await(firstRecorded);

    // Another topic, so the topic rows do not serialize the two; same scopes and day, so both insert the day rows.
    SentimentSample late = sample(second, 0.5, NOON_1.plusSeconds(60));
    CompletableFuture<Throwable> loser = CompletableFuture.supplyAsync(() -> {
      try {
        sentiment.record(late);
        return null;
      } catch (RuntimeException e) {
        return e;
      } finally {
        secondTried.countDown();
      }
    });
    winner.get(30, TimeUnit.SECONDS);
    Throwable lost = loser.get(30, TimeUnit.SECONDS);

    // As on PostgreSQL. On MariaDB this interleaving is not lost: the second UPDATE waits for the new row and adds to
    // it; two UPDATEs before either INSERT end in a deadlock there instead, which is transient (see Rollups).
    assertThat(lost).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("cm_sentiment_day");
    assertThat(sentiment.mostNegativeOpenTopics(space, 1, 10)).extracting(TopicSentiment::topicId)
        .containsExactly(first);
    sentiment.record(late);
    assertThat(sentiment.daily(SentimentScope.community(), DAY_1, DAY_1))
        .containsExactly(new SentimentBucket(DAY_1, 2, 1, 0, 1, 0.0));
    assertThat(sentiment.mostNegativeOpenTopics(space, 1, 10)).extracting(TopicSentiment::topicId)
        .containsExactly(first, second);
  }

  @Test
  void mostNegativeOpenTopics_ordersByMeanThenIdAndKeepsOnlyOpenTopicsOfTheSpaceWithEnoughPosts() {
    TopicId worst = topic(space, "Everything is broken");
    TopicId tiedLow = topic(space, "Slow Wi-Fi");
    TopicId tiedHigh = topic(space, "Slow printer");
    TopicId happy = topic(space, "Thanks!");
    TopicId fewPosts = topic(space, "Angry once");
    TopicId closed = topic(space, "Closed and angry");
    TopicId elsewhere = topic(space("other"), "Angry elsewhere");
    record(worst, -0.9, -0.7);
    record(tiedHigh, -0.5, 0.1);
    record(tiedLow, -0.2, -0.2);
    record(happy, 0.8, 0.6);
    record(fewPosts, -1.0);
    record(closed, -1.0, -1.0);
    record(elsewhere, -1.0, -1.0);
    Topic toClose = store.topics().find(closed).orElseThrow();
    assertThat(store.topics().updateStatus(closed, toClose.version(), TopicStatus.CLOSED, NOON_1)).isTrue();

    assertThat(sentiment.mostNegativeOpenTopics(space, 2, 10)).containsExactly(
        new TopicSentiment(worst, 2, 2, -0.9 + -0.7),
        new TopicSentiment(tiedLow, 2, 2, -0.2 + -0.2),
        new TopicSentiment(tiedHigh, 2, 1, -0.5 + 0.1),
        new TopicSentiment(happy, 2, 0, 0.8 + 0.6));
    assertThat(sentiment.mostNegativeOpenTopics(space, 1, 2)).extracting(TopicSentiment::topicId)
        .containsExactly(fewPosts, worst);
    assertThat(sentiment.mostNegativeOpenTopics(space, 3, 10)).isEmpty();
  }

  @Test
  void activeScopes_listsScopesOfTheKindWithPostsSinceTheDayByKey() {
    TopicId topic = topic(space, "Router drops Wi-Fi");
    sentiment.record(tagged(topic, NOON_1.minus(Duration.ofDays(1)), "old"));
    sentiment.record(tagged(topic, NOON_1, "wifi", "Router"));
    sentiment.record(tagged(topic, NOON_1.plus(Duration.ofDays(1)), "cable"));
    SentimentSample removed = tagged(topic, NOON_1, "gone");
    sentiment.record(removed);
    sentiment.record(reweigh(removed, -1));

    assertThat(sentiment.activeScopes(SentimentScopeKind.TAG, DAY_1, 10)).containsExactly(
        SentimentScope.tag("Router"), SentimentScope.tag("cable"), SentimentScope.tag("wifi"));
    assertThat(sentiment.activeScopes(SentimentScopeKind.TAG, DAY_1, 2)).containsExactly(
        SentimentScope.tag("Router"), SentimentScope.tag("cable"));
    assertThat(sentiment.activeScopes(SentimentScopeKind.TAG, DAY_2, 10)).containsExactly(SentimentScope.tag("cable"));
    assertThat(sentiment.activeScopes(SentimentScopeKind.COMMUNITY, DAY_1, 10))
        .containsExactly(SentimentScope.community());
    assertThat(sentiment.activeScopes(SentimentScopeKind.SPACE, DAY_2.plusDays(1), 10)).isEmpty();
  }

  @Test
  void insertAlert_twiceForTheSameWindow_throwsDuplicateKey() {
    SentimentScope wifi = SentimentScope.tag("wifi");
    assertThat(sentiment.findAlert(wifi, DAY_1)).isEmpty();

    sentiment.insertAlert(wifi, DAY_1, NOON_1.plusNanos(1_234_567));

    assertThat(sentiment.findAlert(wifi, DAY_1)).contains(NOON_1.plusNanos(1_234_000));
    assertThatThrownBy(() -> sentiment.insertAlert(wifi, DAY_1, NOON_1.plusSeconds(1)))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("cm_sentiment_alert(scope_kind, scope_key, window_end)");
    sentiment.insertAlert(wifi, DAY_2, NOON_1);
    sentiment.insertAlert(SentimentScope.tag("router"), DAY_1, NOON_1);
    assertThat(sentiment.findAlert(SentimentScope.community(), DAY_1)).isEmpty();
    assertThat(sentiment.findAlert(wifi, DAY_1)).contains(NOON_1.plusNanos(1_234_000));
  }

  @Test
  void listings_withLimitOrMinPostsOutOfRange_throw() {
    assertThatThrownBy(() -> sentiment.mostNegativeOpenTopics(space, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 200, was 0");
    assertThatThrownBy(() -> sentiment.mostNegativeOpenTopics(space, 0, 201))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sentiment.mostNegativeOpenTopics(space, -1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("minPosts must not be negative, was -1");
    assertThatThrownBy(() -> sentiment.activeScopes(SentimentScopeKind.TAG, DAY_1, 10_001))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 10000, was 10001");
    assertThat(sentiment.activeScopes(SentimentScopeKind.TAG, DAY_1, 10_000)).isEmpty();
  }

  private void record(TopicId topic, double... scores) {
    for (double score : scores) {
      sentiment.record(sample(topic, score, NOON_1));
    }
  }

  private SentimentSample sample(TopicId topic, double score, Instant at) {
    return new SentimentSample(nextPost(), topic, space, Optional.of(alice), Optional.empty(), Optional.empty(),
        List.of(), at, score, SentimentLabel.of(score), 1);
  }

  private SentimentSample tagged(TopicId topic, Instant at, String... tags) {
    return new SentimentSample(nextPost(), topic, space, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(tags), at, -0.1, SentimentLabel.NEGATIVE, 1);
  }

  private static SentimentSample reweigh(SentimentSample s, int weight) {
    return new SentimentSample(s.postId(), s.topicId(), s.spaceId(), s.authorId(), s.accountId(), s.productId(),
        s.tags(), s.postedAt(), s.score(), s.label(), weight);
  }

  private PostId nextPost() {
    return new PostId(++posts);
  }

  private TopicId topic(SpaceId in, String title) {
    return store.topics().insert(new NewTopic(in, SpaceKind.DISCUSSION, title, List.of(), alice, false, 0, NOON_1))
        .id();
  }

  private SpaceId space(String slug) {
    return store.spaces().insert(new NewSpace(slug, slug, "", SpaceKind.DISCUSSION, Visibility.PUBLIC,
        ModerationMode.AUTO, false, SpaceAccess.NONE, SpaceRules.DEFAULT, NOON_1)).id();
  }

  private MemberId member(String name) {
    return store.members().insert(new NewMember(name, new MemberProfile(name, Optional.empty(), Set.of(),
        Optional.empty(), Optional.empty()), 1, NOON_1,
        name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"))).id();
  }
}
