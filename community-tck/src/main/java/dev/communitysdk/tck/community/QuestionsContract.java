package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.question.ExpertSuggestion;
import dev.communitysdk.core.question.QuestionPage;
import dev.communitysdk.core.reputation.Badge;
import dev.communitysdk.core.reputation.LeaderboardEntry;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.reputation.RecomputeReport;
import dev.communitysdk.core.reputation.ReputationRules;
import dev.communitysdk.core.reputation.Window;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;

/**
 * Questions, answers and reputation through the public API, on the storage adapter a subclass provides: accepting
 * and replacing answers with their reputation, unanswered and solved listings, ranked answers, the daily cap and the
 * floor, privileges, leaderboards, expert routing, badges and recompute. Extend it like {@link CommunityContract}.
 */
public abstract class QuestionsContract extends CommunityFixture {
  /** A QUESTIONS space, created before each test. */
  protected Space support;

  @BeforeEach
  void createSupportSpace() {
    support = community.spaces().create(admin, SpaceDraft.of("support", "Support", SpaceKind.QUESTIONS)
        .withAnonymousPosting(true));
  }

  /** Asks a question in the support space. */
  protected ThreadView ask(Actor asker, String title, String... tags) {
    return community.questions().ask(asker, support.id(), TopicDraft.of(title, "Please help: " + title, tags));
  }

  /** The member's stored reputation total. */
  protected long reputation(Actor actor) {
    return community.reputation().standing(admin, actor.memberId()).reputation();
  }

  /** Asserts that every member's total equals 1 plus the sum of their ledger, and is at least 1. */
  protected void assertTotalsMatchLedger() {
    List<MemberTotal> totals = store.transactor()
        .inTransaction(() -> store.reputation().totals(Optional.empty(), 1000));
    for (MemberTotal total : totals) {
      long stored = store.transactor().inTransaction(() -> store.members().find(total.memberId()).orElseThrow())
          .reputation();
      assertThat(stored).as("total of member %s", total.memberId()).isEqualTo(1 + total.ledgerSum())
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Accepting answers")
  class Accepting {
    @Test
    @DisplayName("accepting an answer solves the question, pays the answerer 15 and the asker 2, and awards badges")
    void accept_paysAndSolves() {
      ThreadView question = ask(alice, "Router drops Wi-Fi every hour", "wifi");
      PostView answer = community.posts().reply(bob, question.topic().id(), "Update the firmware");
      TopicSummary solved = community.questions().accept(alice, question.topic().id(), answer.id());
      assertThat(solved.solved()).isTrue();
      assertThat(solved.acceptedAnswerId()).contains(answer.id());
      assertThat(reputation(bob)).isEqualTo(16);
      assertThat(reputation(alice)).isEqualTo(3);
      assertThat(community.reputation().standing(carol, bob.memberId()).badges()).extracting(BadgeAward::badge)
          .contains(Badge.FIRST_ANSWER.id(), Badge.ACCEPTED_ANSWER.id(), Badge.TAG_ACCEPTED.id());
      assertThat(events()).extracting(CommunityEvent::type).contains("answer.accepted", "badge.awarded");
      assertTotalsMatchLedger();
    }

    @Test
    @DisplayName("accepting another answer moves the reward; un-accepting takes it back")
    void replaceAndUnaccept_reverse() {
      ThreadView question = ask(alice, "Router drops Wi-Fi every hour", "wifi");
      PostView first = community.posts().reply(bob, question.topic().id(), "Update the firmware");
      PostView second = community.posts().reply(carol, question.topic().id(), "Change the channel");
      community.questions().accept(alice, question.topic().id(), first.id());
      community.questions().accept(alice, question.topic().id(), second.id());
      assertThat(reputation(bob)).isEqualTo(1);
      assertThat(reputation(carol)).isEqualTo(16);
      assertThat(reputation(alice)).isEqualTo(3);
      TopicSummary unsolved = community.questions().unaccept(alice, question.topic().id());
      assertThat(unsolved.solved()).isFalse();
      assertThat(reputation(carol)).isEqualTo(1);
      assertThat(reputation(alice)).isEqualTo(1);
      assertThatThrownBy(() -> community.questions().unaccept(alice, question.topic().id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("answer.accepted"));
      assertTotalsMatchLedger();
    }

    @Test
    @DisplayName("only the asker or a moderator accepts; a moderator's acceptance pays the asker nothing")
    void accept_byOthers() {
      ThreadView question = ask(alice, "Router drops Wi-Fi every hour");
      PostView answer = community.posts().reply(bob, question.topic().id(), "Update the firmware");
      assertThatThrownBy(() -> community.questions().accept(carol, question.topic().id(), answer.id()))
          .isInstanceOf(PermissionDeniedException.class);
      community.questions().accept(moderator, question.topic().id(), answer.id());
      assertThat(reputation(bob)).isEqualTo(16);
      assertThat(reputation(alice)).isEqualTo(1);
    }

    @Test
    @DisplayName("a discussion topic, a post of another topic, or the question itself cannot be accepted")
    void accept_badTargets_areRefusedAndWriteNothing() {
      ThreadView question = ask(alice, "Router drops Wi-Fi every hour");
      ThreadView other = ask(alice, "Printer will not print at all");
      PostView elsewhere = community.posts().reply(bob, other.topic().id(), "Elsewhere");
      ThreadView talk = startTopic(alice, "Just chatting about routers");
      PostView talkReply = community.posts().reply(bob, talk.topic().id(), "Chat");
      int before = eventCount();
      assertThatThrownBy(() -> community.questions().accept(alice, talk.topic().id(), talkReply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("topic.kind"));
      assertThatThrownBy(() -> community.questions().accept(alice, question.topic().id(), elsewhere.id()))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("answerId"));
      assertThatThrownBy(() -> community.questions().accept(alice, question.topic().id(),
          opening(question).id())).isInstanceOf(ValidationException.class);
      assertThat(eventCount()).isEqualTo(before);
      assertThat(reputation(bob)).isEqualTo(1);
    }

    @Test
    @DisplayName("accepting one's own answer solves the question but pays nothing")
    void accept_ownAnswer_paysNothing() {
      ThreadView question = ask(alice, "Router drops Wi-Fi every hour");
      PostView own = community.posts().reply(alice, question.topic().id(), "Found it myself");
      assertThat(community.questions().accept(alice, question.topic().id(), own.id()).solved()).isTrue();
      assertThat(reputation(alice)).isEqualTo(1);
    }

    @Test
    @DisplayName("asking in a space that does not hold questions is refused")
    void ask_inDiscussionSpace_isRefused() {
      assertThatThrownBy(() -> community.questions().ask(alice, discussion.id(),
          TopicDraft.of("Is this a question?", "Body")))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("space.kind"));
    }
  }

  @Nested
  @DisplayName("Listings and ranked answers")
  class Listings {
    @Test
    @DisplayName("unanswered lists questions without a non-negative answer from someone else; solved those accepted")
    void unansweredAndSolved() {
      TopicId none = ask(alice, "Question with no answers").topic().id();
      TopicId answered = ask(alice, "Question with an answer").topic().id();
      community.posts().reply(bob, answered, "An answer");
      TopicId selfAnswered = ask(alice, "Question answered by the asker").topic().id();
      community.posts().reply(alice, selfAnswered, "Bump");
      TopicId downvoted = ask(alice, "Question with a bad answer").topic().id();
      PostView bad = community.posts().reply(bob, downvoted, "A bad answer");
      community.votes().down(carol, bad.id());
      TopicId solved = ask(alice, "Question that is solved").topic().id();
      PostView good = community.posts().reply(carol, solved, "The fix");
      community.questions().accept(alice, solved, good.id());

      assertThat(ids(ListingRequest.of(support.id(), ListingOrder.LATEST).unanswered()))
          .containsExactlyInAnyOrder(none, selfAnswered, downvoted);
      assertThat(ids(ListingRequest.of(support.id(), ListingOrder.LATEST).solved())).containsExactly(solved);
      community.votes().retract(carol, bad.id());
      assertThat(ids(ListingRequest.of(support.id(), ListingOrder.LATEST).unanswered()))
          .containsExactlyInAnyOrder(none, selfAnswered);
    }

    @Test
    @DisplayName("answers come accepted first, then by Wilson score, page by page")
    void answers_rankedAcceptedFirst() {
      ThreadView question = ask(alice, "Which router firmware is best?");
      TopicId id = question.topic().id();
      PostView weak = community.posts().reply(bob, id, "Weak answer");
      PostView strong = community.posts().reply(carol, id, "Strong answer");
      PostView accepted = community.posts().reply(moderator, id, "Accepted answer");
      PostView plain = community.posts().reply(admin, id, "Plain answer");
      community.votes().up(alice, strong.id());
      community.votes().up(bob, strong.id());
      community.votes().up(alice, plain.id());
      community.votes().up(alice, weak.id());
      community.votes().down(carol, weak.id());
      community.votes().down(moderator, weak.id());
      community.votes().down(admin, weak.id());
      community.questions().accept(alice, id, accepted.id());

      // Wilson lower bounds: strong 2/2 = 0.34, plain 1/1 = 0.21, weak 1/4 = 0.05, accepted 0/0 = 0.
      QuestionPage first = community.questions().answers(carol, id, Optional.empty(), 2);
      assertThat(first.questionPost()).map(PostView::id).contains(opening(question).id());
      assertThat(first.answers()).extracting(PostView::id).containsExactly(accepted.id(), strong.id(), plain.id());
      QuestionPage second = community.questions().answers(carol, id, first.next(), 2);
      assertThat(second.answers()).extracting(PostView::id).containsExactly(weak.id());
      assertThat(second.next()).isEmpty();
      assertThat(second.questionPost()).isEmpty();
    }

    private List<TopicId> ids(ListingRequest request) {
      return community.topics().list(bob, request).items().stream().map(TopicSummary::id).toList();
    }
  }

  @Nested
  @DisplayName("Reputation from votes")
  class FromVotes {
    @Test
    @DisplayName("up +10 and down -2 for the author, -1 for down-voting an answer, all reversed on retraction")
    void votes_moveReputationBothWays() {
      ThreadView question = ask(alice, "Router drops Wi-Fi every hour");
      PostView answer = community.posts().reply(bob, question.topic().id(), "Update the firmware");
      community.votes().up(carol, answer.id());
      assertThat(reputation(bob)).isEqualTo(11);
      community.votes().down(alice, answer.id());
      assertThat(reputation(bob)).isEqualTo(9);
      assertThat(reputation(alice)).as("down-voting costs 1, but never below the floor").isEqualTo(1);
      community.votes().up(alice, answer.id());
      assertThat(reputation(bob)).isEqualTo(21);
      community.votes().retract(carol, answer.id());
      community.votes().retract(alice, answer.id());
      assertThat(reputation(bob)).isEqualTo(1);
      assertTotalsMatchLedger();
    }

    @Test
    @DisplayName("gains from votes stop at the daily cap and start again the next UTC day; acceptance is exempt")
    void dailyCap() {
      Community capped = Community.builder().store(store).identity(identities).clock(clock)
          .privileges(PrivilegeRules.open()).reputationRules(ReputationRules.stackExchange().withDailyVoteCap(25))
          .build();
      ThreadView question = capped.questions().ask(alice, support.id(), TopicDraft.of("Capped question here", "?"));
      PostView answer = capped.posts().reply(bob, question.topic().id(), "An answer");
      capped.votes().up(alice, answer.id());
      capped.votes().up(carol, answer.id());
      capped.votes().up(moderator, answer.id());
      assertThat(reputation(bob)).isEqualTo(26);
      capped.questions().accept(alice, question.topic().id(), answer.id());
      assertThat(reputation(bob)).isEqualTo(41);
      clock.advance(Duration.ofDays(1));
      capped.votes().up(admin, answer.id());
      assertThat(reputation(bob)).isEqualTo(51);
      capped.votes().retract(moderator, answer.id());
      assertThat(reputation(bob)).as("the capped vote held 5, and gives back 5").isEqualTo(46);
      assertTotalsMatchLedger();
    }

    @Test
    @DisplayName("down votes never take a total below 1")
    void floor() {
      PostView reply = community.posts().reply(bob, ask(alice, "Question for the floor test").topic().id(), "Hm");
      community.votes().down(alice, reply.id());
      community.votes().down(carol, reply.id());
      assertThat(reputation(bob)).isEqualTo(1);
      community.votes().retract(alice, reply.id());
      community.votes().retract(carol, reply.id());
      assertThat(reputation(bob)).as("reversals give back only what was taken").isEqualTo(1);
      assertTotalsMatchLedger();
    }

    @Test
    @DisplayName("votes on anonymous answers change no one's reputation")
    void anonymous_earnsNothing() {
      ThreadView question = ask(alice, "Embarrassing question here");
      PostView hidden = community.posts().replyAnonymously(bob, question.topic().id(), "Anonymous answer");
      community.votes().up(carol, hidden.id());
      community.questions().accept(alice, question.topic().id(), hidden.id());
      assertThat(reputation(bob)).isEqualTo(1);
      assertThat(community.reputation().standing(alice, bob.memberId()).badges()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Privileges")
  class Privileges {
    @Test
    @DisplayName("newcomers cannot vote until they earn 15, nor vote down until 125; the denial names the threshold")
    void thresholds_apply() {
      Community strict = Community.builder().store(store).identity(identities).clock(clock).build();
      ThreadView question = strict.questions().ask(alice, support.id(), TopicDraft.of("A strict question", "?"));
      PostView answer = strict.posts().reply(bob, question.topic().id(), "An answer");
      assertThatThrownBy(() -> strict.votes().up(carol, answer.id()))
          .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.reason()).contains("15"));
      strict.questions().accept(alice, question.topic().id(), answer.id());
      PostView other = strict.posts().reply(carol, question.topic().id(), "Another answer");
      strict.votes().up(bob, other.id());
      assertThatThrownBy(() -> strict.votes().down(bob, other.id()))
          .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.reason()).contains("125"));
      strict.votes().down(moderator, other.id());
      assertThatThrownBy(() -> strict.topics().close(carol, question.topic().id()))
          .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.reason()).contains("3000"));
      assertThatThrownBy(() -> strict.posts().reply(alice, question.topic().id(),
          "[a](https://a.example) [b](https://b.example) [c](https://c.example)"))
          .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.reason()).contains("10"));
    }
  }

  @Nested
  @DisplayName("Leaderboards, experts and maintenance")
  class Boards {
    @Test
    @DisplayName("leaderboards rank gains in a space or a tag, over all time or the last days")
    void leaderboards() {
      ThreadView old = ask(alice, "An old question on wifi", "wifi");
      PostView oldAnswer = community.posts().reply(bob, old.topic().id(), "Old answer");
      community.questions().accept(alice, old.topic().id(), oldAnswer.id());
      clock.advance(Duration.ofDays(10));
      ThreadView recent = ask(alice, "A recent question on modems", "modem");
      PostView recentAnswer = community.posts().reply(carol, recent.topic().id(), "Recent answer");
      community.votes().up(alice, recentAnswer.id());

      assertThat(board(LeaderboardScope.space(support.id()), Window.ALL_TIME))
          .extracting(e -> e.member().memberId().orElseThrow(), LeaderboardEntry::gained)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(bob.memberId(), 15L),
              org.assertj.core.groups.Tuple.tuple(carol.memberId(), 10L),
              org.assertj.core.groups.Tuple.tuple(alice.memberId(), 2L));
      assertThat(board(LeaderboardScope.space(support.id()), Window.DAYS_7))
          .extracting(e -> e.member().memberId().orElseThrow()).containsExactly(carol.memberId());
      assertThat(board(LeaderboardScope.tag("wifi"), Window.ALL_TIME))
          .extracting(e -> e.member().memberId().orElseThrow()).containsExactly(bob.memberId(), alice.memberId());
      assertThat(board(LeaderboardScope.space(support.id()), Window.ALL_TIME)).extracting(LeaderboardEntry::rank)
          .containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("experts are suggested by accepted answers in the question's tags, never the asker")
    void experts() {
      for (Actor answerer : List.of(bob, bob, carol)) {
        ThreadView q = ask(alice, "Wifi question number " + eventCount(), "wifi");
        PostView a = community.posts().reply(answerer, q.topic().id(), "Answer");
        community.questions().accept(alice, q.topic().id(), a.id());
      }
      ThreadView open = ask(carol, "Fresh wifi question here", "wifi");
      List<ExpertSuggestion> experts = community.questions().suggestExperts(alice, open.topic().id(), 5);
      assertThat(experts).extracting(s -> s.member().memberId().orElseThrow()).containsExactly(bob.memberId());
      assertThat(experts.get(0).acceptedAnswers()).isEqualTo(2);
      assertThat(community.questions().forExpert(bob, 10)).extracting(TopicSummary::id)
          .containsExactly(open.topic().id());
    }

    @Test
    @DisplayName("recompute finds and repairs a total that drifted from the ledger")
    void recompute_repairsDrift() {
      ThreadView question = ask(alice, "Question for the recompute test");
      PostView answer = community.posts().reply(bob, question.topic().id(), "An answer");
      community.votes().up(carol, answer.id());
      assertThat(community.reputation().recompute(admin).drifts()).isEmpty();
      store.transactor().inTransaction(() -> store.members().addReputation(bob.memberId(), 500));
      RecomputeReport report = community.reputation().recompute(admin);
      assertThat(report.drifts()).singleElement().satisfies(drift -> {
        assertThat(drift.memberId()).isEqualTo(bob.memberId());
        assertThat(drift.stored()).isEqualTo(511);
        assertThat(drift.fromLedger()).isEqualTo(11);
      });
      assertThat(reputation(bob)).isEqualTo(11);
      assertThatThrownBy(() -> community.reputation().recompute(alice)).isInstanceOf(PermissionDeniedException.class);
    }

    private List<LeaderboardEntry> board(LeaderboardScope scope, Window window) {
      return community.reputation().leaderboard(carol, scope, window, 10);
    }
  }
}
