package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationReason;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.NewEscalation;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.EscalationStore;

/**
 * {@link EscalationStore}: service levels per space, one escalation per topic even under concurrent inserts, the case
 * linked once, closing once, the overdue listing and the deflection counts. Extend it with a fresh-store factory.
 */
public abstract class EscalationStoreContract extends StoreContract {
  /** For adapters' tests. */
  protected EscalationStoreContract() {}

  private EscalationStore escalations() {
    return store().escalations();
  }

  private Topic question(Space space, Member author, long askedAtSecond) {
    return newTopic(space, author, at(askedAtSecond), 0);
  }

  private Escalation escalate(Topic topic, long atSecond) {
    return tx().inTransaction(() -> escalations().insert(
        new NewEscalation(topic.id(), topic.spaceId(), EscalationReason.SLA, at(atSecond))));
  }

  @Nested
  @DisplayName("Service levels")
  class ServiceLevels {
    @Test
    void aServiceLevelIsSetReplacedAndCleared() {
      Space first = newSpace();
      Space second = newSpace();
      newSpace();

      escalations().setSla(first.id(), Optional.of(Duration.ofHours(24)));
      escalations().setSla(second.id(), Optional.of(Duration.ofSeconds(90)));
      assertThat(escalations().sla(first.id())).contains(Duration.ofHours(24));
      assertThat(escalations().slas()).as("every space with a service level, in id order").containsExactly(
          Map.entry(first.id(), Duration.ofHours(24)), Map.entry(second.id(), Duration.ofSeconds(90)));

      escalations().setSla(first.id(), Optional.of(Duration.ofHours(4)));
      escalations().setSla(second.id(), Optional.empty());
      assertThat(escalations().sla(first.id())).contains(Duration.ofHours(4));
      assertThat(escalations().sla(second.id())).isEmpty();
      assertThat(escalations().slas()).containsExactly(Map.entry(first.id(), Duration.ofHours(4)));
    }

    @Test
    void aMissingSpaceHasNoServiceLevelAndGetsNone() {
      assertThat(escalations().sla(new SpaceId(999_999))).isEmpty();
      assertThatThrownBy(() -> escalations().setSla(new SpaceId(999_999), Optional.of(Duration.ofHours(1))))
          .isInstanceOf(StorageException.class);
    }

    @Test
    void aServiceLevelChangeRollsBackWithItsTransaction() {
      Space space = newSpace();
      escalations().setSla(space.id(), Optional.of(Duration.ofHours(24)));

      assertThatThrownBy(() -> tx().inTransaction(() -> {
        escalations().setSla(space.id(), Optional.empty());
        throw new IllegalStateException("roll back");
      })).hasMessage("roll back");

      assertThat(escalations().sla(space.id())).contains(Duration.ofHours(24));
    }
  }

  @Nested
  @DisplayName("Escalations")
  class Escalations {
    @Test
    void anEscalationIsStoredOpenWithoutACase() {
      Topic topic = question(newSpace(), newMember(), 0);

      Escalation stored = tx().inTransaction(() -> escalations().insert(
          new NewEscalation(topic.id(), topic.spaceId(), EscalationReason.MEMBER, at(60))));

      Escalation expected = new Escalation(topic.id(), topic.spaceId(), EscalationReason.MEMBER,
          EscalationState.OPEN, at(60), Optional.empty(), Optional.empty());
      assertThat(stored).isEqualTo(expected);
      assertThat(escalations().find(topic.id())).contains(expected);
      assertThat(escalations().find(new TopicId(999_999))).isEmpty();
    }

    @Test
    void aTopicIsEscalatedOnceAndOnlyIfItExists() {
      Topic topic = question(newSpace(), newMember(), 0);
      escalate(topic, 60);

      assertThatThrownBy(() -> escalate(topic, 120)).isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> tx().inTransaction(() -> escalations().insert(
          new NewEscalation(new TopicId(999_999), topic.spaceId(), EscalationReason.SLA, at(1)))))
          .isInstanceOf(StorageException.class);
      assertThat(escalations().find(topic.id()).orElseThrow().escalatedAt()).isEqualTo(at(60));
    }

    @Test
    void concurrentEscalationsOfOneTopicLeaveOne() throws Exception {
      Topic topic = question(newSpace(), newMember(), 0);
      AtomicInteger inserted = new AtomicInteger();

      Queue<Throwable> failures = runConcurrently(thread -> {
        try {
          withTransientRetry(() -> escalate(topic, thread));
          inserted.incrementAndGet();
        } catch (DuplicateKeyException expected) {
          // Every thread but one loses the race on the topic's key.
        }
      });

      assertThat(failures).isEmpty();
      assertThat(inserted.get()).isEqualTo(1);
      assertThat(escalations().find(topic.id())).isPresent();
    }

    @Test
    void theCaseIsLinkedOnce() {
      Topic topic = question(newSpace(), newMember(), 0);
      escalate(topic, 60);

      assertThat(escalations().linkCase(topic.id(), "case-17")).isTrue();
      assertThat(escalations().linkCase(topic.id(), "case-17")).isFalse();
      assertThat(escalations().linkCase(topic.id(), "case-18")).isFalse();
      assertThat(escalations().linkCase(new TopicId(999_999), "case-19")).isFalse();

      assertThat(escalations().find(topic.id()).orElseThrow().caseId()).contains("case-17");
    }

    @Test
    void anOpenEscalationClosesOnce() {
      Topic topic = question(newSpace(), newMember(), 0);
      escalate(topic, 60);
      escalations().linkCase(topic.id(), "case-1");

      assertThat(escalations().close(topic.id(), EscalationState.RESOLVED, at(120))).isTrue();
      assertThat(escalations().close(topic.id(), EscalationState.SOLVED_IN_COMMUNITY, at(180))).isFalse();
      assertThatThrownBy(() -> escalations().close(topic.id(), EscalationState.OPEN, at(240)))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(escalations().find(topic.id())).contains(new Escalation(topic.id(), topic.spaceId(),
          EscalationReason.SLA, EscalationState.RESOLVED, at(60), Optional.of("case-1"), Optional.of(at(120))));
    }
  }

  @Nested
  @DisplayName("Overdue questions")
  class Overdue {
    @Test
    void overdueQuestionsAreOpenUnansweredUnsolvedNamedAndNotEscalatedOldestFirst() {
      Space space = newSpace();
      Member asker = newMember();
      Member other = newMember();
      Topic second = question(space, asker, 20);
      Topic first = question(space, asker, 10);
      Topic answered = question(space, asker, 1);
      tx().inTransaction(() -> store().topics().addAnswers(answered.id(), 1));
      Topic solved = question(space, asker, 2);
      tx().inTransaction(() -> store().topics().updateAcceptedAnswer(solved.id(),
          Optional.of(newPost(solved, other, PostStatus.PUBLISHED).id())));
      Topic closed = question(space, asker, 3);
      tx().inTransaction(() -> store().topics().updateStatus(closed.id(), closed.version(), TopicStatus.CLOSED, at(4)));
      store().topics().insert(new NewTopic(space.id(), SpaceKind.QUESTIONS, "Anonymous question here", List.of(),
          asker.id(), true, 0, at(5)));
      Topic escalated = question(space, asker, 6);
      escalate(escalated, 7);
      question(space, asker, 31);
      question(newSpace(), asker, 8);
      newTopic(newSpace(SpaceKind.DISCUSSION), asker, at(9), 0);

      assertThat(escalations().overdue(space.id(), at(30), 10)).containsExactly(first.id(), second.id());
      assertThat(escalations().overdue(space.id(), at(20), 10)).as("the cutoff is inclusive")
          .containsExactly(first.id(), second.id());
      assertThat(escalations().overdue(space.id(), at(19), 10)).containsExactly(first.id());
      assertThat(escalations().overdue(space.id(), at(30), 1)).containsExactly(first.id());
      assertThatThrownBy(() -> escalations().overdue(space.id(), at(30), 0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuestionWithALaterAnswerRemovedIsOverdueAgain() {
      Space space = newSpace();
      Topic topic = question(space, newMember(), 0);
      tx().inTransaction(() -> store().topics().addAnswers(topic.id(), 1));
      assertThat(escalations().overdue(space.id(), at(10), 10)).isEmpty();

      tx().inTransaction(() -> store().topics().addAnswers(topic.id(), -1));

      assertThat(escalations().overdue(space.id(), at(10), 10)).containsExactly(topic.id());
    }
  }

  @Nested
  @DisplayName("Deflection counts")
  class Deflection {
    @Test
    void questionsOfThePeriodAreCountedByHowTheyFared() {
      Space space = newSpace();
      Member asker = newMember();
      Member other = newMember();
      question(space, asker, 9);
      Topic deflected = question(space, asker, 10);
      tx().inTransaction(() -> store().topics().updateAcceptedAnswer(deflected.id(),
          Optional.of(newPost(deflected, other, PostStatus.PUBLISHED).id())));
      Topic escalatedThenSolved = question(space, asker, 11);
      escalate(escalatedThenSolved, 12);
      tx().inTransaction(() -> store().topics().updateAcceptedAnswer(escalatedThenSolved.id(),
          Optional.of(newPost(escalatedThenSolved, other, PostStatus.PUBLISHED).id())));
      escalations().close(escalatedThenSolved.id(), EscalationState.SOLVED_IN_COMMUNITY, at(13));
      Topic resolved = question(space, asker, 14);
      escalate(resolved, 15);
      escalations().close(resolved.id(), EscalationState.RESOLVED, at(16));
      Topic open = question(space, asker, 17);
      escalate(open, 18);
      Topic closedUnanswered = question(space, asker, 19);
      tx().inTransaction(() -> store().topics().updateStatus(closedUnanswered.id(), closedUnanswered.version(),
          TopicStatus.CLOSED, at(19)));
      Topic deleted = question(space, asker, 19);
      tx().inTransaction(() -> store().topics().updateStatus(deleted.id(), deleted.version(), TopicStatus.DELETED,
          at(19)));
      question(space, asker, 20);
      question(newSpace(), asker, 15);
      newTopic(newSpace(SpaceKind.DISCUSSION), asker, at(15), 0);

      assertThat(escalations().deflection(space.id(), at(10), at(20))).isEqualTo(new DeflectionCounts(5, 1, 3, 2));
      assertThat(escalations().deflection(space.id(), at(9), at(21))).isEqualTo(new DeflectionCounts(7, 1, 3, 2));
      assertThat(escalations().deflection(space.id(), at(100), at(200))).isEqualTo(DeflectionCounts.NONE);
    }
  }
}
