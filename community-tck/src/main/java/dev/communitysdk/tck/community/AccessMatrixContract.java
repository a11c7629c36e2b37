package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.insight.SentimentSpike;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.tck.community.AccessOperation.Outcome;

/**
 * The no-leak matrix, through the public API on the storage adapter a subclass provides: every operation of
 * {@link AccessOperations} × every role × every visibility case of {@link AccessCase}. One rule decides each cell
 * ({@link AccessOperation#expected}): where the viewer cannot read the space, a command or read is not found, writes
 * nothing and names nothing of the space, and a listing leaves the content out; where the viewer reads, the
 * operation's own role rule applies. The world is built once for the whole matrix, so the matrix stays fast on every
 * database. Focused groups check what the matrix cannot show in one call: managing a private space's members, and
 * reputation history and expert routing after a member loses access. Extend it like {@link CommunityContract}.
 */
public abstract class AccessMatrixContract extends CommunityFixture {
  private Optional<EventId> newestSeen = Optional.empty();

  /**
   * Flagging is open too, so that no cell depends on the viewer's reputation: the matrix is about access alone. (Rate
   * limits are off in every kit.)
   *
   * @return the fixture's thresholds, with flagging open
   */
  @Override
  protected PrivilegeRules privileges() {
    return super.privileges().with(Privilege.FLAG, 0);
  }

  /**
   * @return one container per operation, one test per role and case, named by the outcome it expects
   */
  @TestFactory
  @DisplayName("every operation, for every role and visibility case, is allowed, denied, not found or hidden as the"
      + " table says")
  Stream<DynamicNode> matrix() {
    AccessWorld world = AccessWorld.build(community, identities, crm, clock);
    return AccessOperations.ALL.stream().map(operation -> dynamicContainer(
        operation.name() + " in a " + operation.kind().name().toLowerCase(Locale.ROOT) + " space",
        Arrays.stream(Role.values()).flatMap(role -> operation.cases().stream().sorted().map(accessCase -> {
          Outcome expected = operation.expected(role, accessCase);
          return dynamicTest(role + ", " + accessCase.label + ": " + expected,
              () -> check(world, operation, role, accessCase, expected));
        }))));
  }

  /** A private questions space, with Alice added and Bob not. */
  private Space privateQuestions() {
    Space space = community.spaces().create(admin,
        SpaceDraft.of("inner-circle", "Inner circle", SpaceKind.QUESTIONS).privateToMembers());
    assertThat(community.spaces().addMember(admin, space.id(), alice.memberId())).isTrue();
    return space;
  }

  @Nested
  @DisplayName("space access")
  class SpaceAccessRules {
    @Test
    @DisplayName("a restricted space must list a role, account or tier; public and private spaces list nobody")
    void create_accessAndVisibilityDisagree_isRejected() {
      assertRejected("access", () -> community.spaces().create(admin,
          SpaceDraft.of("nobody", "Nobody at all", SpaceKind.DISCUSSION).restrictedTo(SpaceAccess.NONE)));
      assertRejected("access", () -> community.spaces().create(admin,
          SpaceDraft.of("gold", "Gold customers", SpaceKind.DISCUSSION)
              .restrictedTo(new SpaceAccess(Set.of(), Set.of(), Set.of("gold")))
              .withVisibility(Visibility.PRIVATE)));
    }

    @Test
    @DisplayName("a restricted space keeps its accounts and tiers, and admits by them")
    void create_accountsAndTiers_areKeptAndAdmit() {
      crm.account("acme", "gold", 1.0);
      identities.register("dave", "Dave", Optional.empty(), Optional.of("acme"));
      Actor dave = community.actor("dave");
      SpaceAccess access = new SpaceAccess(Set.of(Role.PARTNER), Set.of("initech"), Set.of("gold"));

      Space space = community.spaces().create(admin,
          SpaceDraft.of("gold", "Gold customers", SpaceKind.DISCUSSION).restrictedTo(access));

      assertThat(space.access()).isEqualTo(access);
      assertThat(community.spaces().find(dave, space.id())).contains(space);
      assertThat(community.spaces().find(alice, space.id())).isEmpty();
    }

    @Test
    @DisplayName("listing spaces asks the CRM for the viewer's tier once, however many spaces list tiers")
    void list_manyTierSpaces_asksTheCrmOnce() {
      crm.account("acme", "gold", 1.0);
      identities.register("dave", "Dave", Optional.empty(), Optional.of("acme"));
      Actor dave = community.actor("dave");
      List<Space> gold = new ArrayList<>();
      for (String slug : List.of("gold-a", "gold-b", "gold-c")) {
        gold.add(community.spaces().create(admin, SpaceDraft.of(slug, "Gold " + slug, SpaceKind.DISCUSSION)
            .restrictedTo(new SpaceAccess(Set.of(), Set.of(), Set.of("gold")))));
      }
      long before = crm.profileCalls();

      List<Space> listed = community.spaces().list(dave);

      assertThat(listed).containsAll(gold);
      assertThat(crm.profileCalls() - before).as("CRM calls for one listing").isEqualTo(1);
    }

    @Test
    @DisplayName("removing a member makes the private space and its content not found for them at once")
    void removeMember_member_losesEverything() {
      Space space = privateQuestions();
      ThreadView question = community.questions().ask(alice, space.id(), TopicDraft.of("A private question", "?"));
      assertThat(community.spaces().list(alice)).contains(space);

      assertThat(community.spaces().removeMember(admin, space.id(), alice.memberId())).isTrue();

      assertThat(community.spaces().list(alice)).doesNotContain(space);
      assertThatThrownBy(() -> community.topics().thread(alice, question.topic().id(), Optional.empty(), 10))
          .isInstanceOf(NotFoundException.class);
      assertThat(community.spaces().removeMember(admin, space.id(), alice.memberId())).isFalse();
      assertThat(community.spaces().addMember(admin, space.id(), alice.memberId())).isTrue();
      assertThat(community.topics().thread(alice, question.topic().id(), Optional.empty(), 10).topic().id())
          .isEqualTo(question.topic().id());
    }

    @Test
    @DisplayName("only admins add members, to private spaces only, once each, with an event each time")
    void addMember_rules() {
      Space space = privateQuestions();
      int before = eventCount();

      assertThat(community.spaces().addMember(admin, space.id(), alice.memberId())).isFalse();
      assertThat(eventCount()).as("a second add writes nothing").isEqualTo(before);
      assertThatThrownBy(() -> community.spaces().addMember(moderator, space.id(), bob.memberId()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.spaces().addMember(alice, space.id(), bob.memberId()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.spaces().addMember(admin, discussion.id(), bob.memberId()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("space.visibility"));
      assertThatThrownBy(() -> community.spaces().addMember(admin, space.id(), new MemberId(987_654_321L)))
          .isInstanceOf(NotFoundException.class);
      assertThat(eventCount()).isEqualTo(before);

      assertThat(community.spaces().addMember(admin, space.id(), bob.memberId())).isTrue();
      community.spaces().removeMember(admin, space.id(), bob.memberId());

      assertThat(events().subList(before, eventCount())).extracting(CommunityEvent::type)
          .containsExactly("space.member-added", "space.member-removed");
    }

    @Test
    @DisplayName("moderators list a private space's members page by page; its members may not, outsiders find nothing")
    void members_pages() {
      Space space = privateQuestions();
      community.spaces().addMember(admin, space.id(), carol.memberId());

      List<MemberId> first = community.spaces().members(moderator, space.id(), Optional.empty(), 1);
      List<MemberId> rest = community.spaces().members(moderator, space.id(), Optional.of(first.get(0)), 10);

      assertThat(first).containsExactly(alice.memberId());
      assertThat(rest).containsExactly(carol.memberId());
      assertThatThrownBy(() -> community.spaces().members(alice, space.id(), Optional.empty(), 10))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.spaces().members(bob, space.id(), Optional.empty(), 10))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  @DisplayName("no leak through reputation, experts and insights")
  class Leaks {
    @Test
    @DisplayName("history entries about a space the member no longer reads keep delta and reason, not their target")
    void history_unreadableSpace_isRedacted() {
      Space space = privateQuestions();
      community.spaces().addMember(admin, space.id(), bob.memberId());
      ThreadView question = community.questions().ask(bob, space.id(), TopicDraft.of("A private question", "?"));
      PostView answer = community.posts().reply(alice, question.topic().id(), "A private answer");
      community.votes().up(bob, answer.id());
      community.spaces().removeMember(admin, space.id(), alice.memberId());

      List<ReputationEntry> own = community.reputation().history(alice, alice.memberId(), Optional.empty(), 10);
      List<ReputationEntry> seenByModerator =
          community.reputation().history(moderator, alice.memberId(), Optional.empty(), 10);

      assertThat(own).singleElement().satisfies(entry -> {
        assertThat(entry.delta()).isEqualTo(10);
        assertThat(entry.reason()).isEqualTo(ReputationReason.POST_UPVOTED);
        assertThat(entry.spaceId()).isEmpty();
        assertThat(entry.topicId()).isEmpty();
        assertThat(entry.postId()).isEmpty();
        assertThat(entry.causedBy()).isEmpty();
        assertThat(entry.tags()).isEmpty();
      });
      assertThat(seenByModerator).singleElement().satisfies(entry -> {
        assertThat(entry.spaceId()).contains(space.id());
        assertThat(entry.postId()).contains(answer.id());
      });
    }

    @Test
    @DisplayName("a private space's sentiment spike is raised, but not shown to staff who cannot read the space")
    void detectSpikes_privateSpace_hiddenFromOutsiders() {
      identities.register("emp", "Emma Employee", Role.EMPLOYEE);
      Actor employee = community.actor("emp");
      Space space = community.spaces().create(admin,
          SpaceDraft.of("private-chat", "Private chat", SpaceKind.DISCUSSION).privateToMembers());
      community.spaces().addMember(admin, space.id(), alice.memberId());
      ThreadView thread = community.topics().start(alice, space.id(), TopicDraft.of("Weekly private chat", "Hello"));
      for (int day = 0; day < 28; day++) {
        community.posts().reply(alice, thread.topic().id(), "I love this, it is great");
        clock.advance(Duration.ofDays(1));
      }
      for (int i = 0; i < 12; i++) {
        community.posts().reply(alice, thread.topic().id(), "This is terrible, awful and broken");
      }

      List<SentimentSpike> seen = community.insights().detectSpikes(employee);

      assertThat(seen).extracting(SentimentSpike::scope).contains(SentimentScope.community())
          .doesNotContain(SentimentScope.space(space.id()));
      assertThat(events()).filteredOn(event -> event.type().equals("sentiment.spike"))
          .extracting(CommunityEvent::payload).anySatisfy(payload -> assertThat(payload).contains("\"SPACE\""));
    }

    @Test
    @DisplayName("experts who cannot read a private question are neither suggested for it nor shown it")
    void experts_privateSpace_onlyItsReaders() {
      Space publicQuestions = community.spaces().create(admin,
          SpaceDraft.of("public-questions", "Public questions", SpaceKind.QUESTIONS));
      for (Actor expert : List.of(alice, bob)) {
        ThreadView asked = community.questions().ask(carol, publicQuestions.id(),
            TopicDraft.of("A wifi question for " + expert.userId(), "?", "wifi"));
        PostView answer = community.posts().reply(expert, asked.topic().id(), "Restart it");
        community.questions().accept(carol, asked.topic().id(), answer.id());
      }
      Space space = privateQuestions();
      community.spaces().addMember(admin, space.id(), carol.memberId());
      ThreadView open = community.questions().ask(carol, space.id(), TopicDraft.of("A private wifi one", "?", "wifi"));

      assertThat(community.questions().suggestExperts(carol, open.topic().id(), 5))
          .extracting(suggestion -> suggestion.member().memberId().orElseThrow())
          .containsExactly(alice.memberId());
      assertThat(community.questions().forExpert(alice, 10)).extracting(TopicSummary::id)
          .contains(open.topic().id());
      assertThat(community.questions().forExpert(bob, 10)).extracting(TopicSummary::id)
          .doesNotContain(open.topic().id());
    }
  }

  private <T> void check(AccessWorld world, AccessOperation<T> operation, Role role, AccessCase accessCase,
      Outcome expected) {
    boolean reaches = expected == Outcome.ALLOWED || expected == Outcome.SHOWN;
    AccessScene scene = world.scene(operation.kind(), role, accessCase, reaches);
    T target = operation.prepare().apply(scene);
    Optional<EventId> lastEvent = lastEvent();
    crm.down(accessCase.crmDown);
    try {
      switch (expected) {
        case ALLOWED -> assertThat(operation.run().apply(scene, target)).isNotNull();
        case SHOWN -> assertThat(items(operation.run().apply(scene, target))).contains(target);
        case HIDDEN -> assertThat(items(operation.run().apply(scene, target))).doesNotContain(target);
        case NOT_FOUND -> assertThatThrownBy(() -> operation.run().apply(scene, target))
            .isInstanceOf(NotFoundException.class)
            .satisfies(e -> assertNamesNothingOf(world.spacesOf(accessCase), e.getMessage()));
        case DENIED -> assertThatThrownBy(() -> operation.run().apply(scene, target))
            .isInstanceOf(PermissionDeniedException.class);
        case CONFLICT -> assertThatThrownBy(() -> operation.run().apply(scene, target))
            .isInstanceOf(ConflictException.class);
      }
    } finally {
      crm.down(false);
    }
    if (!reaches) {
      assertThat(eventsAfter(lastEvent, 1)).as("events after a refused or read-only call").isEmpty();
    }
  }

  /** The outbox's newest event, read forward from the newest one seen so far, since the outbox only grows. */
  private Optional<EventId> lastEvent() {
    List<CommunityEvent> page = eventsAfter(newestSeen, 1000);
    while (!page.isEmpty()) {
      newestSeen = Optional.of(page.get(page.size() - 1).id());
      page = eventsAfter(newestSeen, 1000);
    }
    return newestSeen;
  }

  private List<CommunityEvent> eventsAfter(Optional<EventId> after, int limit) {
    return store.transactor().inTransaction(() -> store.outbox().listAfter(after, limit));
  }

  private static Collection<Object> items(Object listing) {
    return List.copyOf((Collection<?>) listing);
  }

  private static void assertNamesNothingOf(Collection<Space> spaces, String message) {
    for (Space space : spaces) {
      assertThat(message).doesNotContain(space.slug()).doesNotContain(space.name());
    }
  }
}
