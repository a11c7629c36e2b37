package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.reputation.ReputationRules;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.jdbc.JooqCommunityStore;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.tck.fixtures.FakeIdentityProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The data both sides of the benchmark vote on, seeded through the SDK so that the rows are the same whichever side
 * then votes: a QUESTIONS space, an asker's question, answers (a fresh one, by a fresh answerer, per measurement iteration)
 * and a pool of voters. The community opens every privilege and lifts the daily reputation cap, so that every up vote
 * really moves the answerer's reputation instead of being capped into a no-op.
 */
final class VoteScene implements AutoCloseable {
  /** Stack Exchange's amounts, with a cap no benchmark reaches; a quarter of the range keeps sums from overflowing. */
  static final ReputationRules RULES = ReputationRules.stackExchange().withDailyVoteCap(Long.MAX_VALUE / 4);

  private final Community community;
  private final FakeIdentityProvider identities;
  private final TopicId question;
  private final List<Actor> voters;
  private final AtomicInteger answerers = new AtomicInteger();

  private VoteScene(Community community, FakeIdentityProvider identities, TopicId question, List<Actor> voters) {
    this.community = community;
    this.identities = identities;
    this.question = question;
    this.voters = voters;
  }

  /**
   * Migrates the schema and seeds the scene.
   *
   * @param dataSource an empty database
   * @param voterCount how many distinct voters to create
   * @return the scene
   */
  static VoteScene seed(DataSource dataSource, int voterCount) {
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);
    store.migrate();
    FakeIdentityProvider identities = FakeIdentityProvider.create();
    // Rate limits off: one voter casts every vote of a single-threaded run, far past the 50 a day members get.
    Community community = Community.builder().store(store).identity(identities)
        .privileges(PrivilegeRules.open()).reputationRules(RULES).rateLimits(RateLimits.unlimited()).build();
    Actor admin = member(community, identities, "admin", Role.ADMIN);
    Actor asker = member(community, identities, "asker");
    var space = community.spaces().create(admin, SpaceDraft.of("questions", "Questions", SpaceKind.QUESTIONS));
    ThreadView asked = community.questions().ask(asker, space.id(),
        TopicDraft.of("How do I vote fast?", "Asking for a benchmark.", "jdbc"));
    // Voters are created in parallel: on PostgreSQL, tens of thousands one after another would dominate the run.
    List<Actor> voters = IntStream.range(0, voterCount).parallel()
        .mapToObj(i -> member(community, identities, "voter-" + i)).toList();
    return new VoteScene(community, identities, asked.topic().id(), voters);
  }

  private static Actor member(Community community, FakeIdentityProvider identities, String userId, Role... roles) {
    identities.register(userId, userId, roles);
    return community.members().refresh(userId);
  }

  /**
   * A fresh answer on the question, with no votes yet, by a fresh answerer. A fresh author because the SDK's daily
   * cap check sums the author's ledger entries of the day, so its cost grows with every vote the author received
   * today (see docs/BENCHMARKS.md); one author per iteration keeps iterations comparable.
   *
   * @return the answer
   */
  PostId newAnswer() {
    Actor answerer = member(community, identities, "answerer-" + answerers.incrementAndGet());
    return community.posts().reply(answerer, question, "An answer worth voting for.").id();
  }

  /** @return the community, to vote through */
  Community community() {
    return community;
  }

  /** @return the question the answers belong to */
  TopicId question() {
    return question;
  }

  /**
   * @param index from 0 to {@link #voterCount()} − 1
   * @return a voter; each index a different member
   */
  Actor voter(int index) {
    return voters.get(index);
  }

  /** @return how many voters there are */
  int voterCount() {
    return voters.size();
  }

  @Override
  public void close() {
    community.close();
  }
}
