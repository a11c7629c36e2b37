package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.ExpertiseRow;
import dev.communitysdk.spi.model.LeaderboardRow;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.ReputationLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's rollups on in-memory H2: what the storage contract cannot see from outside (that the rollups stay
 * exact, and how they behave under a race), plus the windows at the edge of a UTC day.
 */
final class JooqReputationLedgerTest {
  private static final Instant DAY_1 = Instant.parse("2026-03-29T00:00:00Z");
  private static final Instant DAY_2 = DAY_1.plus(Duration.ofDays(1));

  private final ScratchDatabase database = ScratchDatabase.h2();
  private final JooqCommunityStore store = JooqCommunityStore.create(database.dataSource(),
      JooqStoreOptions.defaults().withSchemaMode(SchemaMode.MIGRATE));
  private final ReputationLedger ledger = store.reputation();
  private final MemberId alice = member("alice");
  private final MemberId bob = member("bob");
  private int sources;

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void append_thenList_returnsTheStoredEntry() {
    NewReputationEntry entry = new NewReputationEntry(alice, 10, ReputationReason.POST_UPVOTED, false, "vote:1:2",
        Optional.of(bob), Optional.of(new SpaceId(3)), Optional.of(new TopicId(4)), Optional.of(new PostId(5)),
        List.of("wifi", "router"), Instant.parse("2026-03-29T10:15:30.123456789Z"));

    ReputationEntry stored = ledger.append(entry);

    assertThat(stored.at()).isEqualTo(Instant.parse("2026-03-29T10:15:30.123456Z"));
    assertThat(ledger.list(alice, Optional.empty(), 10)).containsExactly(stored);
    assertThat(ledger.list(alice, Optional.of(stored.id()), 10)).isEmpty();
    assertThat(stored.tags()).containsExactly("wifi", "router");
  }

  @Test
  void append_sameSourceKeyTwice_throwsDuplicateKey() {
    ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, DAY_1, "vote:7"));

    assertThatThrownBy(() -> ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, DAY_1, "vote:7")))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("cm_reputation(member_id, source_key)");
    assertThat(ledger.totals(Optional.empty(), 10)).containsExactly(new MemberTotal(alice, 10));
  }

  @Test
  void append_whenTheEntryFails_leavesNoRollupBehind() {
    ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, DAY_1, "vote:7"));

    assertThatThrownBy(() -> store.transactor().run(() -> {
      ledger.append(entry(alice, 5, ReputationReason.POST_UPVOTED, DAY_1, "vote:8"));
      throw new IllegalStateException("the command failed");
    })).hasMessage("the command failed");

    assertThat(ledger.leaderboard(LeaderboardScope.all(), Optional.empty(), 10))
        .containsExactly(new LeaderboardRow(alice, 10));
  }

  @Test
  void append_racingOnOneRollupRow_loserFailsAndItsRetrySucceeds() throws Exception {
    CountDownLatch firstAppended = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> store.transactor().run(() -> {
      ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, DAY_1.plusSeconds(60), "vote:1"));
      firstAppended.countDown();
      // Commit while the second transaction waits on the uncommitted rollup row (or once it has given up).
      Latches.pause(secondTried, Duration.ofMillis(500));
    }));
    Latches.await(firstAppended);

    // Same (scope, member, day, reason): the second transaction finds no committed row to update and inserts one.
    CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
      try {
        ledger.append(entry(alice, 5, ReputationReason.POST_UPVOTED, DAY_1.plusSeconds(120), "vote:2"));
        return null;
      } catch (RuntimeException e) {
        return e;
      } finally {
        secondTried.countDown();
      }
    });
    first.get(30, TimeUnit.SECONDS);
    Throwable lost = second.get(30, TimeUnit.SECONDS);

    // The insert waited for the winner's commit, then hit its key. Core would retry the command once.
    assertThat(lost).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("cm_reputation_rollup");
    assertThat(ledger.list(alice, Optional.empty(), 10)).hasSize(1);
    ledger.append(entry(alice, 5, ReputationReason.POST_UPVOTED, DAY_1.plusSeconds(120), "vote:2"));
    assertThat(ledger.leaderboard(LeaderboardScope.all(), Optional.empty(), 10))
        .containsExactly(new LeaderboardRow(alice, 15));
    assertThat(ledger.list(alice, Optional.empty(), 10)).hasSize(2);
  }

  @Test
  void leaderboard_sinceInsideADay_countsOnlyThatDaysLaterEntries() {
    ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, DAY_1.plus(Duration.ofHours(10)), "a1"));
    ledger.append(entry(alice, 5, ReputationReason.POST_UPVOTED, DAY_1.plus(Duration.ofHours(14)), "a2"));
    ledger.append(entry(bob, 7, ReputationReason.POST_UPVOTED, DAY_1.plus(Duration.ofHours(11)), "b1"));
    ledger.append(entry(alice, 3, ReputationReason.POST_UPVOTED, DAY_2.plus(Duration.ofHours(9)), "a3"));

    assertThat(board(DAY_1)).containsExactly(new LeaderboardRow(alice, 18), new LeaderboardRow(bob, 7));
    assertThat(board(DAY_1.plus(Duration.ofHours(12)))).containsExactly(new LeaderboardRow(alice, 8));
    assertThat(board(DAY_1.plus(Duration.ofHours(14)))).containsExactly(new LeaderboardRow(alice, 8));
    assertThat(board(DAY_1.plus(Duration.ofHours(14)).plusNanos(1))).containsExactly(new LeaderboardRow(alice, 3));
    assertThat(board(DAY_1.plus(Duration.ofHours(10)).minusNanos(1)))
        .containsExactly(new LeaderboardRow(alice, 18), new LeaderboardRow(bob, 7));
    assertThat(board(DAY_2)).containsExactly(new LeaderboardRow(alice, 3));
    assertThat(board(DAY_2.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void leaderboard_perSpaceAndTag_countsOnlyEntriesInScopeEvenOnThePartialDay() {
    ledger.append(entry(alice, 10, DAY_1.plus(Duration.ofHours(13)), "a1", 1, List.of("wifi", "router")));
    ledger.append(entry(alice, 20, DAY_1.plus(Duration.ofHours(13)), "a2", 2, List.of("printer")));
    ledger.append(entry(bob, 4, DAY_2.plus(Duration.ofHours(1)), "b1", 1, List.of("router")));
    Optional<Instant> noon = Optional.of(DAY_1.plus(Duration.ofHours(12)));

    assertThat(ledger.leaderboard(LeaderboardScope.space(new SpaceId(1)), noon, 10))
        .containsExactly(new LeaderboardRow(alice, 10), new LeaderboardRow(bob, 4));
    assertThat(ledger.leaderboard(LeaderboardScope.tag("router"), noon, 10))
        .containsExactly(new LeaderboardRow(alice, 10), new LeaderboardRow(bob, 4));
    assertThat(ledger.leaderboard(LeaderboardScope.tag("route"), noon, 10)).isEmpty();
    assertThat(ledger.leaderboard(LeaderboardScope.tag("wifi"), Optional.empty(), 10))
        .containsExactly(new LeaderboardRow(alice, 10));
    assertThat(ledger.leaderboard(LeaderboardScope.all(), noon, 1)).containsExactly(new LeaderboardRow(alice, 30));
  }

  @Test
  void leaderboard_leavesOutMembersWithoutGainAndBreaksTiesByMemberId() {
    ledger.append(entry(bob, 5, ReputationReason.POST_UPVOTED, DAY_1, "b1"));
    ledger.append(entry(alice, 5, ReputationReason.POST_UPVOTED, DAY_1, "a1"));
    MemberId carol = member("carol");
    ledger.append(entry(carol, 5, ReputationReason.POST_UPVOTED, DAY_1, "c1"));
    ledger.append(entry(carol, -5, ReputationReason.POST_UPVOTED, DAY_1, "c2"));

    assertThat(board(DAY_1)).containsExactly(new LeaderboardRow(alice, 5), new LeaderboardRow(bob, 5));
    assertThat(ledger.totals(Optional.empty(), 10)).containsExactly(
        new MemberTotal(alice, 5), new MemberTotal(bob, 5), new MemberTotal(carol, 0));
    assertThat(ledger.totals(Optional.of(alice), 1)).containsExactly(new MemberTotal(bob, 5));
  }

  @Test
  void experts_entryCarryingSeveralAskedTags_countsOnce() {
    ledger.append(entry(alice, 15, ReputationReason.ANSWER_ACCEPTED, "acc1", List.of("wifi", "router")));
    ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, "up1", List.of("router", "wifi")));
    ledger.append(entry(alice, 10, ReputationReason.POST_UPVOTED, "up2", List.of("wifi")));
    ledger.append(reversal(alice, -10, ReputationReason.POST_UPVOTED, "up2-back", List.of("wifi")));
    ledger.append(entry(bob, 10, ReputationReason.POST_UPVOTED, "up3", List.of("router")));
    ledger.append(entry(bob, 10, ReputationReason.POST_UPVOTED, "up4", List.of("router", "cable")));
    ledger.append(entry(bob, -2, ReputationReason.POST_DOWNVOTED, "down1", List.of("router")));

    assertThat(ledger.experts(List.of("wifi", "router"), 10)).containsExactly(
        new ExpertiseRow(alice, 1, 1), new ExpertiseRow(bob, 0, 2));
    assertThat(ledger.experts(Set.of("cable"), 10)).containsExactly(new ExpertiseRow(bob, 0, 1));
    assertThat(ledger.experts(List.of("wifi"), 10)).containsExactly(new ExpertiseRow(alice, 1, 1));
    assertThat(ledger.experts(List.of(), 10)).isEmpty();
  }

  @Test
  void netAndSum_readTheLedgerWithReversals() {
    PostId post = new PostId(9);
    ledger.append(new NewReputationEntry(alice, 10, ReputationReason.POST_UPVOTED, false, "v1", Optional.of(bob),
        Optional.empty(), Optional.empty(), Optional.of(post), List.of(), DAY_1.plusSeconds(10)));
    ledger.append(new NewReputationEntry(alice, -10, ReputationReason.POST_UPVOTED, true, "v1-back",
        Optional.of(bob), Optional.empty(), Optional.empty(), Optional.of(post), List.of(), DAY_1.plusSeconds(20)));
    ledger.append(new NewReputationEntry(alice, 10, ReputationReason.POST_UPVOTED, false, "v2", Optional.of(bob),
        Optional.empty(), Optional.empty(), Optional.of(post), List.of(), DAY_1.plusSeconds(30)));
    ledger.append(entry(alice, 15, ReputationReason.ANSWER_ACCEPTED, DAY_1.plusSeconds(40), "acc"));

    assertThat(ledger.net(alice, post, bob, ReputationReason.POST_UPVOTED)).isEqualTo(10);
    assertThat(ledger.net(alice, post, alice, ReputationReason.POST_UPVOTED)).isZero();
    Set<ReputationReason> votes = Set.of(ReputationReason.POST_UPVOTED);
    assertThat(ledger.sum(alice, votes, DAY_1, DAY_2)).isEqualTo(10);
    assertThat(ledger.sum(alice, votes, DAY_1.plusSeconds(20), DAY_1.plusSeconds(30))).isEqualTo(-10);
    assertThat(ledger.sum(alice, Set.of(ReputationReason.values()), DAY_1, DAY_2)).isEqualTo(25);
    assertThat(ledger.sum(alice, Set.of(), DAY_1, DAY_2)).isZero();
  }

  private List<LeaderboardRow> board(Instant since) {
    return ledger.leaderboard(LeaderboardScope.all(), Optional.of(since), 10);
  }

  private MemberId member(String name) {
    return store.members().insert(new NewMember(name, new MemberProfile(name, Optional.empty(), Set.of(),
        Optional.empty(), Optional.empty()), 1, DAY_1,
        name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"))).id();
  }

  private static NewReputationEntry entry(
      MemberId member, long delta, ReputationReason reason, Instant at, String source) {
    return new NewReputationEntry(member, delta, reason, false, source, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), at);
  }

  private static NewReputationEntry entry(
      MemberId member, long delta, Instant at, String source, long space, List<String> tags) {
    return new NewReputationEntry(member, delta, ReputationReason.POST_UPVOTED, false, source, Optional.empty(),
        Optional.of(new SpaceId(space)), Optional.empty(), Optional.empty(), tags, at);
  }

  private NewReputationEntry entry(MemberId member, long delta, ReputationReason reason, String source,
      List<String> tags) {
    return new NewReputationEntry(member, delta, reason, false, source, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), tags, DAY_1.plusSeconds(++sources));
  }

  private NewReputationEntry reversal(MemberId member, long delta, ReputationReason reason, String source,
      List<String> tags) {
    return new NewReputationEntry(member, delta, reason, true, source, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), tags, DAY_1.plusSeconds(++sources));
  }
}
