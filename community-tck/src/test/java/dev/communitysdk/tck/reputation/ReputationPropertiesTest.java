package dev.communitysdk.tck.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.reputation.ReputationRules;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.tck.TestCommunity;

/**
 * Random sequences of votes, retractions, acceptances and un-acceptances, across UTC days, never break the ledger:
 * every total is 1 plus the sum of its entries, never below 1, and no member gains more than the cap from votes in a
 * UTC day. Runs on the in-memory store and on H2 through the jOOQ adapter.
 */
class ReputationPropertiesTest {
  private static final long CAP = 30;
  private static final int MEMBERS = 4;

  /** One step of a sequence. */
  record Step(Kind kind, int member, int post, int hours) {}

  /** What a step does. */
  enum Kind { UP, DOWN, RETRACT, ACCEPT, UNACCEPT }

  @Property(tries = 40)
  void inMemory_totalsAlwaysMatchTheLedger(@ForAll("steps") @Size(min = 1, max = 60) List<Step> steps) {
    check(TestCommunity::inMemory, steps);
  }

  @Property(tries = 8)
  void h2_totalsAlwaysMatchTheLedger(@ForAll("steps") @Size(min = 1, max = 40) List<Step> steps) {
    check(TestCommunity::inMemoryH2, steps);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.of(Kind.class), Arbitraries.integers().between(0, MEMBERS - 1),
        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 9))
        .as(Step::new);
    return step.list();
  }

  private static void check(Supplier<TestCommunity> factory, List<Step> steps) {
    try (TestCommunity test = factory.get()) {
      Community community = Community.builder().store(test.store()).identity(test.identities()).clock(test.clock())
          .privileges(PrivilegeRules.open()).reputationRules(ReputationRules.stackExchange().withDailyVoteCap(CAP))
          .build();
      Actor admin = test.member("admin", "Admin", Role.ADMIN);
      List<Actor> members = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        members.add(test.member("m" + i, "Member " + i));
      }
      var space = community.spaces().create(admin, SpaceDraft.of("qa", "Q and A", SpaceKind.QUESTIONS));
      // Two questions, by members 0 and 1; three answers each by the others.
      List<TopicId> questions = new ArrayList<>();
      Map<PostId, TopicId> answers = new HashMap<>();
      List<PostId> posts = new ArrayList<>();
      for (int q = 0; q < 2; q++) {
        ThreadView thread = community.questions().ask(members.get(q), space.id(),
            TopicDraft.of("Property question " + q, "Body", "tag-" + q));
        questions.add(thread.topic().id());
        for (int a = 0; a < MEMBERS; a++) {
          if (a != q && posts.size() < 6) {
            PostView answer = community.posts().reply(members.get(a), thread.topic().id(), "Answer " + a);
            posts.add(answer.id());
            answers.put(answer.id(), thread.topic().id());
          }
        }
      }
      for (Step step : steps) {
        test.clock().advance(Duration.ofHours(step.hours()));
        apply(community, members, questions, answers, posts, step);
      }
      assertLedgerInvariants(test.store(), members);
    }
  }

  private static void apply(Community community, List<Actor> members, List<TopicId> questions,
      Map<PostId, TopicId> answers, List<PostId> posts, Step step) {
    Actor actor = members.get(step.member());
    PostId post = posts.get(step.post() % posts.size());
    TopicId question = answers.get(post);
    try {
      switch (step.kind()) {
        case UP -> community.votes().up(actor, post);
        case DOWN -> community.votes().down(actor, post);
        case RETRACT -> community.votes().retract(actor, post);
        // Askers accept; other members are refused, which the sequence also exercises.
        case ACCEPT -> community.questions().accept(actor, question, post);
        case UNACCEPT -> community.questions().unaccept(actor, questions.get(step.post() % questions.size()));
      }
    } catch (ConflictException | PermissionDeniedException expected) {
      // Own votes, repeated votes, missing votes, non-askers accepting: refused, and nothing written.
    }
  }

  private static void assertLedgerInvariants(CommunityStore store, List<Actor> members) {
    store.transactor().inTransaction(() -> {
      for (Actor actor : members) {
        MemberId id = actor.memberId();
        List<ReputationEntry> entries = store.reputation().list(id, Optional.empty(), 1000);
        long sum = entries.stream().mapToLong(ReputationEntry::delta).sum();
        long total = store.members().find(id).orElseThrow().reputation();
        assertThat(total).as("total of %s", id).isEqualTo(1 + sum).isGreaterThanOrEqualTo(1);
        // A gain is cut so that the day's net stays within the cap; later entries that day are capped gains or
        // reversals, so the day's final net never exceeds it either.
        Map<Instant, Long> netPerDay = new HashMap<>();
        for (ReputationEntry entry : entries) {
          if (ReputationRules.capped(entry.reason())) {
            Instant day = entry.at().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
            netPerDay.merge(day, entry.delta(), Long::sum);
          }
        }
        assertThat(netPerDay.values()).as("net vote gains per UTC day of %s", id)
            .allSatisfy(net -> assertThat(net).isLessThanOrEqualTo(CAP));
      }
      return null;
    });
  }
}
