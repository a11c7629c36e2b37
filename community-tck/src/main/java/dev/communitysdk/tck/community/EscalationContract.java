package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.escalation.DeflectionReport;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.crm.SupportCaseRequest;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationReason;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;

/**
 * Escalation of questions to CRM support cases, through {@code Community.escalations()} and the relay: per-space
 * service levels, the overdue sweep (once per question, even under concurrent sweeps), escalation by members, the CRM
 * case opened once through CRM failures, resolutions posted back and accepted, questions solved in the community first,
 * anonymity, access, and the deflection report.
 */
public abstract class EscalationContract extends CommunityFixture {
  private static final Duration SLA = Duration.ofHours(24);
  private static final String ACCOUNT = "acct-7";

  /** A member of staff who is neither moderator nor admin. */
  private Actor emma;
  /** A member who belongs to a customer account. */
  private Actor dave;
  /** A public questions space with a 24-hour service level. */
  private Space support;

  /** For adapters' tests. */
  protected EscalationContract() {}

  @BeforeEach
  void setUpEscalation() {
    identities.register("emma", "Emma Employee", Role.EMPLOYEE);
    identities.register("dave", "Dave Customer", Optional.empty(), Optional.of(ACCOUNT));
    emma = community.actor("emma");
    dave = community.actor("dave");
    support = community.spaces().create(admin, SpaceDraft.of("support", "Support", SpaceKind.QUESTIONS)
        .withEscalationSla(SLA).withAnonymousPosting(true));
  }

  private TopicId ask(Actor asker, String title) {
    return community.questions().ask(asker, support.id(), TopicDraft.of(title, "Details of " + title, "wifi"))
        .topic().id();
  }

  private TopicId askAnonymously(Actor asker, String title) {
    return community.questions().ask(asker, support.id(),
        TopicDraft.of(title, "Details of " + title, "wifi").anonymously()).topic().id();
  }

  private Escalation escalation(TopicId question) {
    return community.escalations().of(admin, question).orElseThrow();
  }

  private long escalatedEvents() {
    return events().stream().filter(e -> e.type().equals("topic.escalated")).count();
  }

  private void drain() {
    community.relay().drainOnce();
  }

  @Nested
  @DisplayName("Service levels are set per space by admins")
  class ServiceLevels {
    @Test
    void aSpaceHasNoServiceLevelUnlessItsAdminSetsOne() {
      Space plain = community.spaces().create(admin, SpaceDraft.of("plain", "Plain", SpaceKind.QUESTIONS));

      assertThat(community.escalations().sla(alice, plain.id())).isEmpty();
      assertThat(community.escalations().sla(alice, support.id())).contains(SLA);
    }

    @Test
    void anAdminChangesOrClearsTheServiceLevelLater() {
      community.escalations().setSla(admin, support.id(), Optional.of(Duration.ofHours(4)));
      assertThat(community.escalations().sla(bob, support.id())).contains(Duration.ofHours(4));

      community.escalations().setSla(admin, support.id(), Optional.empty());
      assertThat(community.escalations().sla(bob, support.id())).isEmpty();
      ask(alice, "Router drops Wi-Fi every hour");
      clock.advance(Duration.ofDays(30));
      assertThat(community.escalations().escalateOverdue()).isZero();
    }

    @Test
    void onlyAdminsSetServiceLevels() {
      assertThatThrownBy(() -> community.escalations().setSla(moderator, support.id(), Optional.of(SLA)))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.escalations().setSla(emma, support.id(), Optional.empty()))
          .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aServiceLevelIsWholeSecondsFromOneSecondToAYear() {
      for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-5), Duration.ofMillis(1500),
          Duration.ofDays(366))) {
        assertThatThrownBy(() -> community.escalations().setSla(admin, support.id(), Optional.of(bad)))
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("sla"));
      }
      assertRejected("escalationSla", () -> community.spaces().create(admin,
          SpaceDraft.of("too-fast", "Too fast", SpaceKind.QUESTIONS).withEscalationSla(Duration.ofMillis(10))));
      assertThat(community.escalations().sla(admin, support.id())).contains(SLA);
    }

    @Test
    void onlyQuestionsSpacesHaveServiceLevels() {
      assertRejected("escalationSla", () -> community.spaces().create(admin,
          SpaceDraft.of("chat", "Chat", SpaceKind.DISCUSSION).withEscalationSla(SLA)));
      assertThatThrownBy(() -> community.escalations().setSla(admin, discussion.id(), Optional.of(SLA)))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("space.kind"));
    }
  }

  @Nested
  @DisplayName("The sweep escalates questions left unanswered past their service level, once")
  class Sweep {
    @Test
    void aQuestionIsEscalatedWhenItReachesTheServiceLevelAndNotBefore() {
      Instant asked = clock.instant();
      TopicId question = ask(alice, "Router drops Wi-Fi every hour");

      clock.set(asked.plus(SLA).minusSeconds(1));
      assertThat(community.escalations().escalateOverdue()).as("just under the service level").isZero();
      assertThat(community.escalations().of(alice, question)).isEmpty();

      clock.set(asked.plus(SLA).plusSeconds(1));
      assertThat(community.escalations().escalateOverdue()).as("just over the service level").isEqualTo(1);
      Escalation escalation = escalation(question);
      assertThat(escalation.reason()).isEqualTo(EscalationReason.SLA);
      assertThat(escalation.state()).isEqualTo(EscalationState.OPEN);
      assertThat(escalation.spaceId()).isEqualTo(support.id());
      assertThat(escalation.caseId()).as("the relay has not opened the case yet").isEmpty();

      clock.advance(Duration.ofDays(3));
      assertThat(community.escalations().escalateOverdue()).as("escalated once").isZero();
      assertThat(escalatedEvents()).isEqualTo(1);
    }

    @Test
    void answeredSolvedClosedAndAnonymousQuestionsAreLeftAlone() {
      TopicId answered = ask(alice, "Which firmware fixes the Wi-Fi drops?");
      community.posts().reply(bob, answered, "Firmware 2.1 fixes it.");
      TopicId solved = ask(alice, "Where is the reset button found?");
      PostView answer = community.posts().reply(bob, solved, "On the back, next to the power plug.");
      community.questions().accept(alice, solved, answer.id());
      TopicId ownReply = ask(alice, "Can the LEDs be turned off at night?");
      community.posts().reply(alice, ownReply, "Anyone? Still looking for this.");
      TopicId closed = ask(alice, "Does the router support IPv6 prefix delegation?");
      community.topics().close(alice, closed);
      askAnonymously(alice, "Is my router leaking my passwords?");
      TopicId due = ask(alice, "Why does the 5 GHz band vanish?");

      clock.advance(SLA.plusMinutes(1));

      assertThat(community.escalations().escalateOverdue()).isEqualTo(2);
      assertThat(community.escalations().of(alice, ownReply)).as("the asker's own reply is no answer").isPresent();
      assertThat(community.escalations().of(alice, due)).isPresent();
      for (TopicId left : List.of(answered, solved, closed)) {
        assertThat(community.escalations().of(alice, left)).as("question %s", left).isEmpty();
      }
      assertThat(escalatedEvents()).isEqualTo(2);
    }

    @Test
    void questionsInSpacesWithoutAServiceLevelAreNeverEscalated() {
      Space plain = community.spaces().create(admin, SpaceDraft.of("plain", "Plain", SpaceKind.QUESTIONS));
      TopicId question = community.questions().ask(alice, plain.id(),
          TopicDraft.of("Router drops Wi-Fi every hour", "Details", "wifi")).topic().id();

      clock.advance(Duration.ofDays(365));

      assertThat(community.escalations().escalateOverdue()).isZero();
      assertThat(community.escalations().of(alice, question)).isEmpty();
    }

    @Test
    void concurrentSweepsEscalateEveryQuestionOnce() throws InterruptedException {
      List<TopicId> questions = IntStream.range(0, 6).mapToObj(i -> ask(alice, "Overdue question number " + i))
          .toList();
      clock.advance(SLA.plusSeconds(1));
      AtomicInteger escalated = new AtomicInteger();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

      runConcurrently(8, IntStream.range(0, 8).boxed().toList(), sweep -> {
        try {
          escalated.addAndGet(community.escalations().escalateOverdue());
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });

      assertThat(failures).isEmpty();
      assertThat(escalated.get()).isEqualTo(questions.size());
      assertThat(escalatedEvents()).isEqualTo(questions.size());
      questions.forEach(q -> assertThat(escalation(q).state()).isEqualTo(EscalationState.OPEN));
      assertThat(community.escalations().escalateOverdue()).isZero();
    }

    @Test
    void theRelaysBackgroundThreadSweepsAndOpensTheCase() throws InterruptedException {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      clock.advance(SLA.plusSeconds(1));

      community.relay().start();
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (crm.cases().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
      } finally {
        community.relay().stop();
      }

      assertThat(crm.cases()).hasSize(1);
      assertThat(escalation(question).caseId()).contains(crm.cases().get(0).caseId());
    }
  }

  @Nested
  @DisplayName("Members escalate questions explicitly")
  class Explicit {
    @Test
    void theAskerEscalatesTheirQuestion() {
      TopicId question = ask(alice, "Router drops Wi-Fi every hour");

      Escalation escalation = community.escalations().escalate(alice, question);

      assertThat(escalation.reason()).isEqualTo(EscalationReason.MEMBER);
      assertThat(escalation.state()).isEqualTo(EscalationState.OPEN);
      assertThat(escalation.escalatedAt()).isEqualTo(clock.instant());
      assertThat(community.escalations().of(alice, question)).contains(escalation);
      CommunityEvent event = events().stream().filter(e -> e.type().equals("topic.escalated")).findFirst()
          .orElseThrow();
      assertThat(event.aggregateType()).isEqualTo("topic");
      assertThat(event.aggregateId()).isEqualTo(question.value());
      assertThat(event.payload()).contains("\"reason\":\"MEMBER\"");
    }

    @Test
    void staffEscalateAnyQuestionTheyCanRead() {
      TopicId first = ask(alice, "Router drops Wi-Fi every hour");
      TopicId second = ask(alice, "Router reboots during updates");

      assertThat(community.escalations().escalate(emma, first).state()).isEqualTo(EscalationState.OPEN);
      assertThat(community.escalations().escalate(moderator, second).state()).isEqualTo(EscalationState.OPEN);
    }

    @Test
    void otherMembersMayNeitherEscalateNorSeeTheEscalation() {
      TopicId question = ask(alice, "Router drops Wi-Fi every hour");
      int before = eventCount();

      assertThatThrownBy(() -> community.escalations().escalate(bob, question))
          .isInstanceOf(PermissionDeniedException.class);
      assertThat(eventCount()).isEqualTo(before);
      community.escalations().escalate(alice, question);
      assertThatThrownBy(() -> community.escalations().of(bob, question))
          .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aQuestionIsEscalatedOnlyOnce() {
      TopicId question = ask(alice, "Router drops Wi-Fi every hour");
      community.escalations().escalate(alice, question);

      assertThatThrownBy(() -> community.escalations().escalate(emma, question))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation.once"));
      clock.advance(SLA.multipliedBy(2));
      assertThat(community.escalations().escalateOverdue()).isZero();
      assertThat(escalatedEvents()).isEqualTo(1);
    }

    @Test
    void anonymousQuestionsAreRefusedAndNeverReachTheCrm() {
      TopicId question = askAnonymously(alice, "Is my router leaking my passwords?");
      int before = eventCount();

      assertThatThrownBy(() -> community.escalations().escalate(alice, question))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.rule()).isEqualTo("escalation.anonymous"));
      assertThatThrownBy(() -> community.escalations().escalate(moderator, question))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.rule()).isEqualTo("escalation.anonymous"));
      clock.advance(SLA.plusSeconds(1));
      assertThat(community.escalations().escalateOverdue()).isZero();
      drain();

      assertThat(eventCount()).isEqualTo(before);
      assertThat(crm.cases()).isEmpty();
    }

    @Test
    void solvedClosedAndNonQuestionTopicsAreRefused() {
      TopicId solved = ask(alice, "Where is the reset button found?");
      PostView answer = community.posts().reply(bob, solved, "On the back.");
      community.questions().accept(alice, solved, answer.id());
      TopicId closed = ask(alice, "Does the router support IPv6?");
      community.topics().close(alice, closed);
      TopicId chat = startTopic(alice, "Just chatting about routers").topic().id();

      assertThatThrownBy(() -> community.escalations().escalate(alice, solved))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation.solved"));
      assertThatThrownBy(() -> community.escalations().escalate(alice, closed))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("topic.status"));
      assertThatThrownBy(() -> community.escalations().escalate(alice, chat))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("topic.kind"));
    }

    @Test
    void questionsInSpacesTheMemberCannotReadAreNotFound() {
      Space internal = community.spaces().create(admin,
          SpaceDraft.of("internal", "Internal", SpaceKind.QUESTIONS).privateToMembers().withEscalationSla(SLA));
      community.spaces().addMember(admin, internal.id(), alice.memberId());
      TopicId question = community.questions().ask(alice, internal.id(),
          TopicDraft.of("Internal router question", "Details", "wifi")).topic().id();

      assertThatThrownBy(() -> community.escalations().escalate(bob, question))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.escalations().escalate(emma, question))
          .as("staff outside the private space").isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.escalations().of(bob, question)).isInstanceOf(NotFoundException.class);
      assertThat(community.escalations().escalate(alice, question).state()).isEqualTo(EscalationState.OPEN);
      assertThat(community.escalations().of(moderator, question)).isPresent();
    }
  }

  @Nested
  @DisplayName("The relay opens the case in the CRM, once")
  class Cases {
    @Test
    void theCaseIsOpenedWithTheQuestionAndLinkedToIt() {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      community.escalations().escalate(dave, question);

      drain();

      assertThat(crm.cases()).hasSize(1);
      SupportCaseRequest request = crm.cases().get(0).request();
      assertThat(request.topicId()).isEqualTo(question.value());
      assertThat(request.subject()).isEqualTo("Router drops Wi-Fi every hour");
      assertThat(request.description()).isEqualTo("Details of Router drops Wi-Fi every hour");
      assertThat(request.reason()).isEqualTo("member");
      assertThat(request.accountId()).contains(ACCOUNT);
      assertThat(request.contactId()).as("the asker, linked to their CRM contact").contains("contact-dave");
      assertThat(community.escalations().of(dave, question).orElseThrow().caseId())
          .contains(crm.cases().get(0).caseId());
    }

    @Test
    void aCrmThatIsDownGetsTheCaseOnceItIsBack() {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      clock.advance(SLA.plusSeconds(1));
      community.escalations().escalateOverdue();
      crm.down(true);

      drain();
      clock.advance(Duration.ofMinutes(1));
      drain();
      assertThat(escalation(question).caseId()).isEmpty();

      crm.down(false);
      clock.advance(Duration.ofMinutes(30));
      drain();

      assertThat(crm.cases()).hasSize(1);
      assertThat(crm.cases().get(0).request().reason()).isEqualTo("sla");
      assertThat(escalation(question).caseId()).contains(crm.cases().get(0).caseId());
    }

    @Test
    void aRedeliveredEscalationGetsTheSameCase() {
      AtomicBoolean failOnce = new AtomicBoolean(true);
      Community node = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
          .rateLimits(RateLimits.unlimited()).listener(event -> {
            if (event.type().equals("topic.escalated") && failOnce.getAndSet(false)) {
              throw new IllegalStateException("the host's listener fails once, after the escalation route ran");
            }
          }).build();
      try {
        TopicId question = ask(dave, "Router drops Wi-Fi every hour");
        community.escalations().escalate(dave, question);

        node.relay().drainOnce();
        clock.advance(Duration.ofMinutes(5));
        node.relay().drainOnce();

        assertThat(failOnce).isFalse();
        assertThat(crm.cases()).hasSize(1);
        assertThat(escalation(question).caseId()).contains(crm.cases().get(0).caseId());
      } finally {
        node.close();
      }
    }

    @Test
    void aCommunityWithoutCasesKeepsTheEscalationWithoutOne() {
      Community node = Community.builder().store(store).identity(identities).clock(clock)
          .rateLimits(RateLimits.unlimited()).build();
      try {
        TopicId question = ask(dave, "Router drops Wi-Fi every hour");
        community.escalations().escalate(dave, question);

        node.relay().drainOnce();

        assertThat(escalation(question).caseId()).isEmpty();
        assertThat(escalation(question).state()).isEqualTo(EscalationState.OPEN);
      } finally {
        node.close();
      }
    }
  }

  @Nested
  @DisplayName("Resolved cases come back as answers")
  class Resolution {
    @Test
    void aModeratorPostsTheResolutionAndAcceptsIt() {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      community.escalations().escalate(dave, question);
      drain();
      String caseId = escalation(question).caseId().orElseThrow();

      Escalation resolved = community.escalations().resolve(moderator, question,
          "Firmware 2.1 fixes the drops: **update** from the admin page.", true);

      assertThat(resolved.state()).isEqualTo(EscalationState.RESOLVED);
      assertThat(resolved.caseId()).contains(caseId);
      assertThat(resolved.closedAt()).contains(clock.instant());
      TopicSummary topic = community.questions().answers(dave, question, Optional.empty(), 10).question();
      PostView answer = community.questions().answers(dave, question, Optional.empty(), 10).answers().get(0);
      assertThat(topic.acceptedAnswerId()).contains(answer.id());
      assertThat(answer.author().memberId()).contains(moderator.memberId());
      assertThat(answer.source()).startsWith("Firmware 2.1 fixes the drops");
      drain();
      assertThat(crm.caseUpdates()).as("the CRM resolved the case itself").isEmpty();
      assertThat(events().stream().map(CommunityEvent::type))
          .contains("post.created", "answer.accepted", "topic.escalation-resolved");
    }

    @Test
    void anEmployeePostsTheResolutionWithoutAcceptingIt() {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      community.escalations().escalate(dave, question);
      int before = eventCount();

      assertThatThrownBy(() -> community.escalations().resolve(emma, question, "Update the firmware.", true))
          .isInstanceOf(PermissionDeniedException.class);
      assertThat(eventCount()).as("nothing written").isEqualTo(before);
      Escalation resolved = community.escalations().resolve(emma, question, "Update the firmware.", false);

      assertThat(resolved.state()).isEqualTo(EscalationState.RESOLVED);
      TopicSummary topic = community.questions().answers(dave, question, Optional.empty(), 10).question();
      assertThat(topic.acceptedAnswerId()).isEmpty();
      assertThat(topic.answerCount()).isEqualTo(1);
    }

    @Test
    void membersMayNotResolveAndOnlyOpenEscalationsResolve() {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      TopicId notEscalated = ask(dave, "Router reboots during updates");
      community.escalations().escalate(dave, question);

      assertThatThrownBy(() -> community.escalations().resolve(dave, question, "Solved it myself.", false))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.escalations().resolve(moderator, notEscalated, "Update.", true))
          .isInstanceOf(NotFoundException.class);
      assertRejected("body", () -> community.escalations().resolve(moderator, question, " ", true));
      community.escalations().resolve(moderator, question, "Update the firmware.", true);
      assertThatThrownBy(() -> community.escalations().resolve(moderator, question, "Again.", false))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation.state"));
    }

    @Test
    void aQuestionSolvedInTheCommunityFirstUpdatesTheOpenCase() {
      TopicId question = ask(dave, "Router drops Wi-Fi every hour");
      community.escalations().escalate(dave, question);
      drain();
      String caseId = escalation(question).caseId().orElseThrow();
      PostView answer = community.posts().reply(bob, question, "Firmware 2.1 fixes it.");
      community.questions().accept(dave, question, answer.id());

      drain();
      drain();

      assertThat(crm.caseUpdates()).hasSize(1);
      assertThat(crm.caseUpdates().get(0).caseId()).isEqualTo(caseId);
      assertThat(crm.caseUpdates().get(0).kind()).isEqualTo("answer.accepted");
      Escalation escalation = escalation(question);
      assertThat(escalation.state()).isEqualTo(EscalationState.SOLVED_IN_COMMUNITY);
      assertThatThrownBy(() -> community.escalations().resolve(moderator, question, "Late resolution.", false))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("escalation.state"));
    }
  }

  @Nested
  @DisplayName("The deflection report counts questions solved without a case")
  class Deflection {
    @Test
    void aSpacesReportCountsItsQuestionsOfThePeriod() {
      ask(alice, "Asked before the period starts");
      clock.advance(Duration.ofHours(1));
      Instant from = clock.instant();
      TopicId deflected = ask(alice, "Solved by the community alone");
      community.questions().accept(alice, deflected,
          community.posts().reply(bob, deflected, "Here is how.").id());
      TopicId resolved = ask(dave, "Escalated and resolved by support");
      community.escalations().escalate(dave, resolved);
      community.escalations().resolve(moderator, resolved, "Support fixed it.", true);
      TopicId open = ask(dave, "Escalated and still open");
      community.escalations().escalate(dave, open);
      ask(carol, "Unanswered and not escalated");
      clock.advance(Duration.ofHours(1));
      Instant to = clock.instant();
      ask(alice, "Asked after the period ends");

      DeflectionReport report = community.escalations().deflection(emma, support.id(), from, to);

      assertThat(report.spaceId()).contains(support.id());
      assertThat(report.counts()).isEqualTo(new DeflectionCounts(4, 1, 2, 1));
      assertThat(report.deflectionRate()).isEqualTo(0.25);
      assertThat(community.escalations().deflection(emma, support.id(), to, to.plusSeconds(3600)).counts())
          .isEqualTo(new DeflectionCounts(1, 0, 0, 0));
    }

    @Test
    void aQuestionSolvedInTheCommunityAfterEscalationIsNotDeflected() {
      Instant from = clock.instant();
      TopicId question = ask(dave, "Escalated, then solved by a member");
      community.escalations().escalate(dave, question);
      community.questions().accept(dave, question, community.posts().reply(bob, question, "Try this.").id());
      drain();

      DeflectionReport report = community.escalations().deflection(moderator, support.id(), from,
          clock.instant().plusSeconds(1));

      assertThat(report.counts()).isEqualTo(new DeflectionCounts(1, 0, 1, 1));
      assertThat(report.deflectionRate()).isZero();
    }

    @Test
    void theCommunityReportSumsTheSpacesTheReaderMayRead() {
      Instant from = clock.instant();
      Space internal = community.spaces().create(admin,
          SpaceDraft.of("internal", "Internal", SpaceKind.QUESTIONS).privateToMembers());
      community.spaces().addMember(admin, internal.id(), alice.memberId());
      TopicId hidden = community.questions().ask(alice, internal.id(),
          TopicDraft.of("Internal router question", "Details", "wifi")).topic().id();
      community.escalations().escalate(alice, hidden);
      TopicId visible = ask(alice, "Public router question");
      community.questions().accept(alice, visible, community.posts().reply(bob, visible, "Do this.").id());
      Instant to = clock.instant().plusSeconds(1);

      assertThat(community.escalations().deflection(emma, from, to).counts())
          .as("an employee outside the private space").isEqualTo(new DeflectionCounts(1, 1, 0, 0));
      DeflectionReport all = community.escalations().deflection(admin, from, to);
      assertThat(all.spaceId()).isEmpty();
      assertThat(all.counts()).isEqualTo(new DeflectionCounts(2, 1, 1, 0));
      assertThatThrownBy(() -> community.escalations().deflection(emma, internal.id(), from, to))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyStaffReadTheReportForAPeriodThatEndsAfterItStarts() {
      Instant now = clock.instant();

      assertThatThrownBy(() -> community.escalations().deflection(alice, support.id(), now, now.plusSeconds(1)))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.escalations().deflection(alice, now, now.plusSeconds(1)))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.escalations().deflection(emma, support.id(), now, now))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
      assertThatThrownBy(() -> community.escalations().deflection(emma, discussion.id(), now, now.plusSeconds(1)))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("space.kind"));
      assertThat(community.escalations().deflection(emma, support.id(), now, now.plusSeconds(1)).deflectionRate())
          .as("no questions").isZero();
    }
  }
}
