package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.idea.AccountDemand;
import dev.communitysdk.core.idea.IdeaBacking;
import dev.communitysdk.core.idea.IdeaDemand;
import dev.communitysdk.core.idea.IdeaListing;
import dev.communitysdk.core.idea.IdeaSummary;
import dev.communitysdk.core.idea.IdeaView;
import dev.communitysdk.core.idea.IdeaVoteResult;
import dev.communitysdk.core.idea.OfficialResponse;
import dev.communitysdk.core.idea.TrendingIdea;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;

/**
 * Ideas through the public API, on the storage adapter a subclass provides: proposing, voting (up only or up and
 * down, budgets, closed voting), the status workflow with official responses and history, merging duplicates and
 * undoing it, listings (top, by status, recently shipped, trending), the accounts behind an idea, weighted demand,
 * bad input writing nothing, and concurrent votes racing a merge. Extend it like {@link CommunityContract}.
 */
public abstract class IdeasContract extends CommunityFixture {
  /** An IDEAS space taking up votes only, without a budget. */
  protected Space ideas;
  /** An employee, who moves ideas along the roadmap. */
  protected Actor employee;
  /** Two members of customer account "acme" and one of "globex". */
  protected Actor dave;
  /** A member of "acme". */
  protected Actor erin;
  /** A member of "globex". */
  protected Actor frank;

  @BeforeEach
  void createIdeasSpace() {
    identities.register("emp", "Emma Employee", Role.EMPLOYEE);
    identities.register("dave", "Dave", Optional.empty(), Optional.of("acme"));
    identities.register("erin", "Erin", Optional.empty(), Optional.of("acme"));
    identities.register("frank", "Frank", Optional.empty(), Optional.of("globex"));
    employee = community.actor("emp");
    dave = community.actor("dave");
    erin = community.actor("erin");
    frank = community.actor("frank");
    ideas = community.spaces().create(admin, SpaceDraft.of("ideas", "Product ideas", SpaceKind.IDEAS));
  }

  /** Proposes an idea in the ideas space. */
  protected TopicId propose(Actor author, String title) {
    return propose(author, ideas, title);
  }

  /** Proposes an idea in a space. */
  protected TopicId propose(Actor author, Space space, String title) {
    return community.ideas().propose(author, space.id(), TopicDraft.of(title, "It would help if " + title))
        .idea().topic().id();
  }

  /** The idea as the employee sees it. */
  protected IdeaView idea(TopicId id) {
    return community.ideas().find(employee, id);
  }

  /** The idea's active votes counted from the vote rows. */
  protected VoteTally tally(TopicId id) {
    return store.transactor().inTransaction(() -> store.ideas().tally(id));
  }

  /** The member's reputation total. */
  protected long reputation(Actor actor) {
    return community.reputation().standing(admin, actor.memberId()).reputation();
  }

  /** Asserts that the action fails with a conflict naming the rule, and that it wrote nothing. */
  protected void assertConflict(String rule, Runnable action) {
    int before = eventCount();
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    assertThat(eventCount()).as("events after a refused command").isEqualTo(before);
  }

  /** Asserts that the action is denied, and that it wrote nothing. */
  protected void assertDenied(Runnable action) {
    int before = eventCount();
    assertThatThrownBy(action::run).isInstanceOf(PermissionDeniedException.class);
    assertThat(eventCount()).as("events after a denied command").isEqualTo(before);
  }

  @Nested
  @DisplayName("Proposing")
  class Proposing {
    @Test
    @DisplayName("a proposed idea is NEW with no votes, readable by members, and its events are in the outbox")
    void propose_startsNew() {
      TopicId id = propose(alice, "Dark mode for the portal");

      IdeaView view = community.ideas().find(bob, id);

      assertThat(view.idea().status()).isEqualTo(IdeaStatus.NEW);
      assertThat(view.idea().votes()).isZero();
      assertThat(view.idea().votingOpen()).isTrue();
      assertThat(view.myVote()).isEmpty();
      assertThat(view.officialResponse()).isEmpty();
      assertThat(view.idea().topic().title()).isEqualTo("Dark mode for the portal");
      assertThat(events()).extracting(CommunityEvent::type).contains("topic.started", "post.created");
    }

    @Test
    @DisplayName("a topic started in an ideas space through topics() is an idea too")
    void topicsStart_inIdeasSpace_isAnIdea() {
      TopicId id = community.topics().start(alice, ideas.id(), TopicDraft.of("Export to spreadsheet", "Please"))
          .topic().id();

      assertThat(community.ideas().find(bob, id).idea().status()).isEqualTo(IdeaStatus.NEW);
    }

    @Test
    @DisplayName("proposing outside an ideas space is a conflict, and nothing is written")
    void propose_inDiscussionSpace_conflicts() {
      assertConflict("space.kind", () -> community.ideas().propose(alice, discussion.id(),
          TopicDraft.of("Dark mode for the portal", "Please")));
    }

    @Test
    @DisplayName("a plain topic is not an idea")
    void find_plainTopic_notFound() {
      TopicId plain = startTopic(alice, "Printer jams on page two").topic().id();

      assertThatThrownBy(() -> community.ideas().find(bob, plain)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("under pre-moderation an idea is hidden until approved, then open for votes")
    void moderatedIdea_opensOnApproval() {
      Space moderated = community.spaces().create(admin,
          SpaceDraft.of("ideas-moderated", "Moderated ideas", SpaceKind.IDEAS).withModeration(ModerationMode.ALL));
      var thread = community.ideas().propose(alice, moderated.id(), TopicDraft.of("Offline mode please", "Yes"));
      TopicId id = thread.idea().topic().id();

      assertThatThrownBy(() -> community.ideas().find(bob, id)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.ideas().votes().up(bob, id)).isInstanceOf(NotFoundException.class);

      community.moderation().approve(moderator,
          community.topics().thread(moderator, id, Optional.empty(), 10).posts().get(0).id());

      assertThat(community.ideas().votes().up(bob, id).votes()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Voting")
  class Voting {
    @Test
    @DisplayName("an up vote counts once, shows as the member's vote, and earns the author idea reputation")
    void up_countsAndCredits() {
      TopicId id = propose(alice, "Dark mode for the portal");

      IdeaVoteResult result = community.ideas().votes().up(bob, id);

      assertThat(result.votes()).isEqualTo(1);
      assertThat(result.myVote()).contains(VoteDirection.UP);
      assertThat(result.votesLeft()).isEmpty();
      assertThat(community.ideas().find(bob, id).myVote()).contains(VoteDirection.UP);
      assertThat(tally(id)).isEqualTo(new VoteTally(1, 0));
      assertThat(reputation(alice)).isEqualTo(1 + 5);
      assertThat(events()).extracting(CommunityEvent::type).contains("idea.vote-cast");
    }

    @Test
    @DisplayName("a second up vote, a vote on one's own idea and a down vote where only up votes count are refused")
    void refusedVotes_writeNothing() {
      TopicId id = propose(alice, "Dark mode for the portal");
      community.ideas().votes().up(bob, id);

      assertConflict("vote.once", () -> community.ideas().votes().up(bob, id));
      assertDenied(() -> community.ideas().votes().up(alice, id));
      assertDenied(() -> community.ideas().votes().down(carol, id));
      assertThat(idea(id).idea().votes()).isEqualTo(1);
      assertThat(tally(id)).isEqualTo(new VoteTally(1, 0));
    }

    @Test
    @DisplayName("retracting takes the vote and the reputation back; retracting twice is a conflict")
    void retract_takesBack() {
      TopicId id = propose(alice, "Dark mode for the portal");
      community.ideas().votes().up(bob, id);

      IdeaVoteResult result = community.ideas().votes().retract(bob, id);

      assertThat(result.votes()).isZero();
      assertThat(result.myVote()).isEmpty();
      assertThat(reputation(alice)).isEqualTo(1);
      assertThat(tally(id)).isEqualTo(new VoteTally(0, 0));
      assertConflict("vote.exists", () -> community.ideas().votes().retract(bob, id));
    }

    @Test
    @DisplayName("where the space allows down votes, a member can vote down and turn the vote around")
    void downVotes_whereAllowed() {
      Space both = community.spaces().create(admin,
          SpaceDraft.of("ideas-both", "Ideas, up and down", SpaceKind.IDEAS).withIdeaDownVotes());
      TopicId id = propose(alice, both, "Remove the legacy dashboard");

      assertThat(community.ideas().votes().down(bob, id).votes()).isEqualTo(-1);
      assertThat(reputation(alice)).isEqualTo(1);
      assertThat(community.ideas().votes().up(bob, id).votes()).isEqualTo(1);
      assertThat(reputation(alice)).isEqualTo(6);
      assertThat(community.ideas().votes().down(bob, id).votes()).isEqualTo(-1);
      assertThat(reputation(alice)).isEqualTo(1);
      assertThat(tally(id)).isEqualTo(new VoteTally(0, 1));
    }

    @Test
    @DisplayName("voting closes when an idea ships, is declined or is a duplicate")
    void closedIdeas_takeNoVotes() {
      TopicId shipped = propose(alice, "Dark mode for the portal");
      TopicId declined = propose(alice, "Blink tags everywhere");
      community.ideas().votes().up(bob, shipped);
      community.ideas().changeStatus(employee, shipped, IdeaStatus.SHIPPED, "Shipped in 4.2!");
      community.ideas().changeStatus(employee, declined, IdeaStatus.DECLINED, "Not for us.");

      assertConflict("idea.voting-closed", () -> community.ideas().votes().up(carol, shipped));
      assertConflict("idea.voting-closed", () -> community.ideas().votes().retract(bob, shipped));
      assertConflict("idea.voting-closed", () -> community.ideas().votes().up(carol, declined));
      assertThat(idea(shipped).idea().votes()).isEqualTo(1);
    }

    @Test
    @DisplayName("a vote budget caps a member's votes on open ideas; retracting or closing an idea gives votes back")
    void budget_capsOpenVotes() {
      Space budgeted = community.spaces().create(admin,
          SpaceDraft.of("ideas-budget", "Budgeted ideas", SpaceKind.IDEAS).withIdeaVoteBudget(2));
      TopicId one = propose(alice, budgeted, "First idea of many");
      TopicId two = propose(alice, budgeted, "Second idea of many");
      TopicId three = propose(alice, budgeted, "Third idea of many");

      assertThat(community.ideas().votes().votesLeft(bob, budgeted.id())).contains(2L);
      assertThat(community.ideas().votes().up(bob, one).votesLeft()).contains(1L);
      assertThat(community.ideas().votes().up(bob, two).votesLeft()).contains(0L);
      assertConflict("idea.vote-budget", () -> community.ideas().votes().up(bob, three));

      community.ideas().changeStatus(employee, one, IdeaStatus.DECLINED, "Not now.");
      assertThat(community.ideas().votes().votesLeft(bob, budgeted.id())).contains(1L);
      assertThat(community.ideas().votes().up(bob, three).votesLeft()).contains(0L);
      assertThat(community.ideas().votes().retract(bob, two).votesLeft()).contains(1L);
      assertThat(community.ideas().votes().votesLeft(carol, budgeted.id())).contains(2L);
    }

    @Test
    @DisplayName("an idea's opening post takes no post votes: ideas are voted on as ideas")
    void postVotes_onIdea_refused() {
      TopicId id = propose(alice, "Dark mode for the portal");
      var opening = community.topics().thread(bob, id, Optional.empty(), 10).posts().get(0).id();

      assertConflict("vote.idea", () -> community.votes().up(bob, opening));
    }
  }

  @Nested
  @DisplayName("Status workflow")
  class Workflow {
    @Test
    @DisplayName("an employee moves an idea from NEW to SHIPPED; every step keeps its official response in order")
    void newToShipped_keepsHistory() {
      TopicId id = propose(alice, "Dark mode for the portal");

      community.ideas().changeStatus(employee, id, IdeaStatus.UNDER_REVIEW, "We are looking at it.");
      community.ideas().changeStatus(employee, id, IdeaStatus.PLANNED, "Planned for **Q3**.");
      community.ideas().changeStatus(employee, id, IdeaStatus.IN_PROGRESS, "Being built.");
      IdeaView shipped = community.ideas().changeStatus(employee, id, IdeaStatus.SHIPPED, "Shipped in 4.2.");

      assertThat(shipped.idea().status()).isEqualTo(IdeaStatus.SHIPPED);
      assertThat(shipped.officialResponse()).get().satisfies(response -> {
        assertThat(response.to()).isEqualTo(IdeaStatus.SHIPPED);
        assertThat(response.source()).isEqualTo("Shipped in 4.2.");
        assertThat(response.by().displayName()).isEqualTo("Emma Employee");
      });
      List<OfficialResponse> history = community.ideas().history(bob, id);
      assertThat(history).extracting(OfficialResponse::from)
          .containsExactly(IdeaStatus.NEW, IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS);
      assertThat(history).extracting(OfficialResponse::to).containsExactly(
          IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS, IdeaStatus.SHIPPED);
      assertThat(history.get(1).html()).contains("<strong>Q3</strong>");
      assertThat(events()).filteredOn(event -> event.type().equals("idea.status-changed")).hasSize(4);
    }

    @Test
    @DisplayName("members cannot change a status; invalid steps and DUPLICATE by status are conflicts")
    void badChanges_writeNothing() {
      TopicId id = propose(alice, "Dark mode for the portal");
      community.ideas().changeStatus(employee, id, IdeaStatus.SHIPPED, "Done.");

      assertDenied(() -> community.ideas().changeStatus(alice, id, IdeaStatus.DECLINED, "Mine!"));
      assertDenied(() -> community.ideas().changeStatus(moderator, id, IdeaStatus.DECLINED, "Moderators too?"));
      assertConflict("idea.transition",
          () -> community.ideas().changeStatus(employee, id, IdeaStatus.NEW, "Back to the start"));
      assertConflict("idea.transition",
          () -> community.ideas().changeStatus(employee, id, IdeaStatus.IN_PROGRESS, "Again"));
      TopicId other = propose(alice, "Another idea to merge");
      assertConflict("idea.transition",
          () -> community.ideas().changeStatus(employee, other, IdeaStatus.DUPLICATE, "Dup"));
      assertThat(community.ideas().history(bob, id)).hasSize(1);
    }

    @Test
    @DisplayName("a status change needs a response; a script in it is never rendered")
    void response_isRequiredAndSafe() {
      TopicId id = propose(alice, "Dark mode for the portal");

      assertRejected("response", () -> community.ideas().changeStatus(employee, id, IdeaStatus.PLANNED, " "));
      IdeaView view = community.ideas().changeStatus(employee, id, IdeaStatus.PLANNED,
          "Planned <script>alert(1)</script> [x](javascript:alert(1))");

      assertThat(view.officialResponse().orElseThrow().html()).doesNotContain("<script", "javascript:");
    }

    @Test
    @DisplayName("a declined idea can be reconsidered, and then takes votes again")
    void declined_canBeReconsidered() {
      TopicId id = propose(alice, "Dark mode for the portal");
      community.ideas().changeStatus(employee, id, IdeaStatus.DECLINED, "No.");
      community.ideas().changeStatus(employee, id, IdeaStatus.UNDER_REVIEW, "Customers insist; looking again.");

      assertThat(community.ideas().votes().up(bob, id).votes()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Merging duplicates")
  class Merging {
    @Test
    @DisplayName("merging moves votes to the target, a member who voted on both counting once; undo restores both")
    void merge_thenUndo_restores() {
      TopicId duplicate = propose(alice, "Night theme for the portal");
      TopicId target = propose(carol, "Dark mode for the portal");
      community.ideas().changeStatus(employee, duplicate, IdeaStatus.UNDER_REVIEW, "Looking.");
      community.ideas().votes().up(bob, duplicate);
      community.ideas().votes().up(dave, duplicate);
      community.ideas().votes().up(bob, target);
      community.ideas().votes().up(erin, target);

      IdeaView merged = community.ideas().markDuplicate(employee, duplicate, target, "Same as dark mode.");

      assertThat(merged.idea().votes()).isEqualTo(3);
      assertThat(tally(target)).isEqualTo(new VoteTally(3, 0));
      IdeaView gone = idea(duplicate);
      assertThat(gone.idea().status()).isEqualTo(IdeaStatus.DUPLICATE);
      assertThat(gone.idea().mergedInto()).contains(target);
      assertThat(gone.idea().votes()).isZero();
      assertThat(community.ideas().find(dave, target).myVote()).contains(VoteDirection.UP);
      assertConflict("idea.voting-closed", () -> community.ideas().votes().up(carol, duplicate));
      assertConflict("vote.once", () -> community.ideas().votes().up(dave, target));

      IdeaView restored = community.ideas().undoDuplicate(employee, duplicate, "Not the same after all.");

      assertThat(restored.idea().status()).isEqualTo(IdeaStatus.UNDER_REVIEW);
      assertThat(restored.idea().votes()).isEqualTo(2);
      assertThat(restored.idea().mergedInto()).isEmpty();
      assertThat(idea(target).idea().votes()).isEqualTo(2);
      assertThat(tally(target)).isEqualTo(new VoteTally(2, 0));
      assertThat(tally(duplicate)).isEqualTo(new VoteTally(2, 0));
      assertThat(community.ideas().find(dave, target).myVote()).isEmpty();
      assertThat(events()).extracting(CommunityEvent::type).contains("idea.merged", "idea.merge-undone");
    }

    @Test
    @DisplayName("merging into itself, across spaces, into a closed idea, or in a cycle is refused")
    void badMerges_writeNothing() {
      TopicId a = propose(alice, "Idea number one here");
      TopicId b = propose(alice, "Idea number two here");
      TopicId shipped = propose(alice, "Idea number three here");
      community.ideas().changeStatus(employee, shipped, IdeaStatus.SHIPPED, "Done.");
      Space elsewhere = community.spaces().create(admin, SpaceDraft.of("ideas-2", "More ideas", SpaceKind.IDEAS));
      TopicId foreign = propose(alice, elsewhere, "Idea from elsewhere");

      assertConflict("idea.merge", () -> community.ideas().markDuplicate(employee, a, a, "Self"));
      assertConflict("idea.merge", () -> community.ideas().markDuplicate(employee, a, foreign, "Far"));
      assertConflict("idea.merge.status", () -> community.ideas().markDuplicate(employee, a, shipped, "Closed"));
      assertDenied(() -> community.ideas().markDuplicate(bob, a, b, "Members cannot merge"));

      community.ideas().markDuplicate(employee, a, b, "A is B");

      assertConflict("idea.merge.cycle", () -> community.ideas().markDuplicate(employee, b, a, "B is A"));
      assertConflict("idea.transition", () -> community.ideas().undoDuplicate(employee, b, "B is no duplicate"));
    }

    @Test
    @DisplayName("a chain of merges is undone from the end: first the later merge, then the earlier")
    void chain_undoneInOrder() {
      TopicId a = propose(alice, "Idea number one here");
      TopicId b = propose(alice, "Idea number two here");
      TopicId c = propose(alice, "Idea number three here");
      community.ideas().votes().up(bob, a);
      community.ideas().votes().up(carol, b);
      community.ideas().votes().up(dave, c);
      community.ideas().markDuplicate(employee, a, b, "A is B");
      community.ideas().markDuplicate(employee, b, c, "B is C");

      assertThat(idea(c).idea().votes()).isEqualTo(3);
      assertConflict("idea.merge.order", () -> community.ideas().undoDuplicate(employee, a, "A first?"));

      community.ideas().undoDuplicate(employee, b, "B is not C");
      assertThat(idea(c).idea().votes()).isEqualTo(1);
      assertThat(idea(b).idea().votes()).isEqualTo(2);
      community.ideas().undoDuplicate(employee, a, "A is not B");
      assertThat(idea(b).idea().votes()).isEqualTo(1);
      assertThat(idea(a).idea().votes()).isEqualTo(1);
      assertThat(tally(a).up() + tally(b).up() + tally(c).up()).isEqualTo(3);
    }

    @Test
    @DisplayName("concurrent votes racing a merge keep the totals exact")
    void concurrentVotesAndMerge_exact() throws InterruptedException {
      TopicId duplicate = propose(alice, "Night theme for the portal");
      TopicId target = propose(carol, "Dark mode for the portal");
      List<Actor> voters = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        identities.register("voter-" + i, "Voter " + i);
        voters.add(community.actor("voter-" + i));
      }
      Set<String> onDuplicate = ConcurrentHashMap.newKeySet();
      Set<String> onTarget = ConcurrentHashMap.newKeySet();
      List<Integer> tasks = IntStream.range(0, 33).boxed().toList();

      runConcurrently(8, tasks, task -> {
        if (task == 16) {
          community.ideas().markDuplicate(employee, duplicate, target, "Same idea.");
          return;
        }
        Actor voter = voters.get(task % 16);
        TopicId on = task < 16 ? duplicate : target;
        try {
          community.ideas().votes().up(voter, on);
          (task < 16 ? onDuplicate : onTarget).add(voter.userId());
        } catch (ConflictException expected) {
          // The duplicate closed before this vote, or the merge already moved this voter's vote to the target.
        }
      });

      Set<String> union = new java.util.HashSet<>(onDuplicate);
      union.addAll(onTarget);
      assertThat(idea(duplicate).idea().status()).isEqualTo(IdeaStatus.DUPLICATE);
      assertThat(idea(target).idea().votes()).isEqualTo(union.size());
      assertThat(tally(target).up()).isEqualTo(union.size());
      assertThat(idea(duplicate).idea().votes()).isZero();

      community.ideas().undoDuplicate(employee, duplicate, "Separate after all.");

      assertThat(idea(duplicate).idea().votes()).isEqualTo(onDuplicate.size());
      assertThat(tally(duplicate).up()).isEqualTo(onDuplicate.size());
      assertThat(idea(target).idea().votes()).isEqualTo(onTarget.size());
      assertThat(tally(target).up()).isEqualTo(onTarget.size());
    }
  }

  @Nested
  @DisplayName("Listings")
  class Listings {
    @Test
    @DisplayName("top lists open ideas by votes and pages through all of them once")
    void top_pagesByVotes() {
      TopicId low = propose(alice, "Idea with one vote");
      TopicId high = propose(alice, "Idea with three votes");
      TopicId none = propose(alice, "Idea with no votes");
      TopicId closed = propose(alice, "Idea that was declined");
      community.ideas().votes().up(bob, low);
      for (Actor voter : List.of(bob, carol, dave)) {
        community.ideas().votes().up(voter, high);
      }
      community.ideas().changeStatus(employee, closed, IdeaStatus.DECLINED, "No.");

      Page<IdeaSummary> first = community.ideas().list(bob, IdeaListing.top(ideas.id()).limit(2));
      Page<IdeaSummary> second = community.ideas().list(bob, IdeaListing.top(ideas.id()).limit(2)
          .after(first.next().orElseThrow()));

      assertThat(first.items()).extracting(summary -> summary.topic().id()).containsExactly(high, low);
      assertThat(first.items()).extracting(IdeaSummary::votes).containsExactly(3L, 1L);
      assertThat(second.items()).extracting(summary -> summary.topic().id()).containsExactly(none);
      assertThat(second.next()).isEmpty();
      assertThat(community.ideas().list(bob, IdeaListing.withStatus(ideas.id(), IdeaStatus.DECLINED)).items())
          .extracting(summary -> summary.topic().id()).containsExactly(closed);
    }

    @Test
    @DisplayName("recently shipped lists shipped ideas, the latest first: the roadmap view")
    void recentlyShipped_latestFirst() {
      TopicId first = propose(alice, "First idea to ship");
      TopicId second = propose(alice, "Second idea to ship");
      community.ideas().changeStatus(employee, first, IdeaStatus.SHIPPED, "Shipped.");
      clock.advance(Duration.ofHours(1));
      community.ideas().changeStatus(employee, second, IdeaStatus.SHIPPED, "Shipped too.");

      assertThat(community.ideas().list(bob, IdeaListing.recentlyShipped(ideas.id())).items())
          .extracting(summary -> summary.topic().id()).containsExactly(second, first);
    }

    @Test
    @DisplayName("trending ranks ideas by votes of the last 7 days")
    void trending_countsRecentVotes() {
      TopicId old = propose(alice, "Idea loved long ago");
      TopicId fresh = propose(alice, "Idea loved this week");
      for (Actor voter : List.of(bob, carol, dave)) {
        community.ideas().votes().up(voter, old);
      }
      clock.advance(Duration.ofDays(8));
      community.ideas().votes().up(bob, fresh);
      community.ideas().votes().up(erin, old);
      community.ideas().votes().up(carol, fresh);

      List<TrendingIdea> trending = community.ideas().trending(bob, ideas.id(), 10);

      assertThat(trending).extracting(t -> t.idea().topic().id()).containsExactly(fresh, old);
      assertThat(trending).extracting(TrendingIdea::recentVotes).containsExactly(2L, 1L);
      assertThat(trending.get(1).idea().votes()).isEqualTo(4);
    }

    @Test
    @DisplayName("listing bad input is rejected naming the field")
    void badListing_rejected() {
      assertRejected("limit", () -> community.ideas().list(bob, IdeaListing.top(ideas.id()).limit(0)));
      assertRejected("cursor", () -> community.ideas().list(bob, IdeaListing.top(ideas.id()).after("nonsense")));
      assertRejected("statuses", () -> community.ideas().list(bob,
          new IdeaListing(ideas.id(), IdeaListing.top(ideas.id()).order(), Set.of(), Optional.empty(), 10)));
    }
  }

  @Nested
  @DisplayName("Accounts and demand")
  class Demand {
    @Test
    @DisplayName("staff see the customer accounts behind an idea's votes; members see only the count")
    void backing_staffOnly() {
      TopicId id = propose(alice, "Single sign-on with SAML");
      for (Actor voter : List.of(dave, erin, frank, bob)) {
        community.ideas().votes().up(voter, id);
      }

      assertThat(idea(id).backing()).containsExactly(new IdeaBacking("acme", 2), new IdeaBacking("globex", 1));
      assertThat(idea(id).idea().votes()).isEqualTo(4);
      assertThat(community.ideas().find(bob, id).backing()).isEmpty();
    }

    @Test
    @DisplayName("weighted demand ranks ideas by the CRM weight of the accounts behind them, each account once")
    void demand_weightsAccounts() {
      crm.account("acme", "gold", 10.0);
      crm.account("globex", "silver", 3.0);
      TopicId sso = propose(alice, "Single sign-on with SAML");
      TopicId api = propose(alice, "A public REST API");
      TopicId unknown = propose(alice, "Idea backed by nobody known");
      community.ideas().votes().up(frank, sso);
      community.ideas().votes().up(dave, api);
      community.ideas().votes().up(erin, api);
      community.ideas().votes().up(frank, api);
      identities.register("gina", "Gina", Optional.empty(), Optional.of("initech"));
      community.ideas().votes().up(community.actor("gina"), unknown);
      community.ideas().votes().up(bob, unknown);
      community.ideas().votes().up(carol, unknown);

      List<IdeaDemand> demand = community.ideas().demand(employee, ideas.id(), 10);

      assertThat(demand).extracting(d -> d.idea().topic().id()).containsExactly(api, sso, unknown);
      assertThat(demand).extracting(IdeaDemand::weightedDemand).containsExactly(13.0, 3.0, 0.0);
      assertThat(demand.get(0).accounts()).containsExactly(
          new AccountDemand("acme", Optional.of("gold"), 10.0, 2), new AccountDemand("globex", Optional.of("silver"),
              3.0, 1));
      assertThat(demand.get(2).accounts()).containsExactly(new AccountDemand("initech", Optional.empty(), 0.0, 1));
      assertDenied(() -> community.ideas().demand(bob, ideas.id(), 10));
    }

    @Test
    @DisplayName("a CRM that is down weighs every account 0 instead of failing the report")
    void demand_crmDown_weighsZero() {
      crm.account("acme", "gold", 10.0);
      TopicId id = propose(alice, "Single sign-on with SAML");
      community.ideas().votes().up(dave, id);
      crm.down(true);

      List<IdeaDemand> demand = community.ideas().demand(employee, ideas.id(), 10);

      assertThat(demand).singleElement().satisfies(d -> assertThat(d.weightedDemand()).isZero());
    }
  }

  @Test
  @DisplayName("a budget below 1 is rejected naming the field")
  void budgetBelowOne_rejected() {
    assertThatThrownBy(() -> SpaceDraft.of("x", "X", SpaceKind.IDEAS).withIdeaVoteBudget(0))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ideaVoteBudget"));
  }
}
