package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.NewEscalation;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.EscalationStore;

/** Escalations by topic id and service levels by space id: {@code cm_escalation} and a column of {@code cm_space}. */
final class InMemoryEscalationStore implements EscalationStore {
  private static final Set<TopicStatus> COUNTED = Set.of(TopicStatus.OPEN, TopicStatus.CLOSED, TopicStatus.LOCKED);

  private final InMemoryTransactor transactor;
  private final InMemorySpaceStore spaces;
  private final InMemoryTopicStore topics;
  private final Table<Long, Escalation> escalations;
  private final Table<Long, Duration> slas;

  InMemoryEscalationStore(InMemoryTransactor transactor, InMemorySpaceStore spaces, InMemoryTopicStore topics) {
    this.transactor = transactor;
    this.spaces = spaces;
    this.topics = topics;
    this.escalations = new Table<>(transactor);
    this.slas = new Table<>(transactor);
  }

  @Override
  public void setSla(SpaceId spaceId, Optional<Duration> sla) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(sla, "sla");
    transactor.inTransaction(() -> {
      References.require(spaces.exists(spaceId), "escalation sla", "space", spaceId);
      if (sla.isPresent()) {
        slas.put(spaceId.value(), Duration.ofSeconds(sla.get().toSeconds()));
      } else {
        slas.remove(spaceId.value());
      }
      return null;
    });
  }

  @Override
  public Optional<Duration> sla(SpaceId spaceId) {
    requireNonNull(spaceId, "spaceId");
    return transactor.inTransaction(() -> slas.get(spaceId.value()));
  }

  @Override
  public Map<SpaceId, Duration> slas() {
    return transactor.inTransaction(() -> {
      Map<SpaceId, Duration> all = new LinkedHashMap<>();
      for (Long spaceId : slas.keys(Long.MIN_VALUE, Long.MAX_VALUE)) {
        all.put(new SpaceId(spaceId), slas.get(spaceId).orElseThrow());
      }
      return all;
    });
  }

  @Override
  public Escalation insert(NewEscalation escalation) {
    requireNonNull(escalation, "escalation");
    return transactor.inTransaction(() -> {
      References.require(topics.exists(escalation.topicId()), "escalation", "topic", escalation.topicId());
      References.require(spaces.exists(escalation.spaceId()), "escalation", "space", escalation.spaceId());
      if (escalations.contains(escalation.topicId().value())) {
        throw new DuplicateKeyException("cm_escalation(topic_id)");
      }
      Escalation stored = new Escalation(escalation.topicId(), escalation.spaceId(), escalation.reason(),
          EscalationState.OPEN, escalation.escalatedAt(), Optional.empty(), Optional.empty());
      escalations.put(stored.topicId().value(), stored);
      return stored;
    });
  }

  @Override
  public Optional<Escalation> find(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> escalations.get(topicId.value()));
  }

  @Override
  public boolean linkCase(TopicId topicId, String caseId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(caseId, "caseId");
    return transactor.inTransaction(() -> escalations.update(topicId.value(), e -> e.caseId().isEmpty(),
        e -> new Escalation(e.topicId(), e.spaceId(), e.reason(), e.state(), e.escalatedAt(), Optional.of(caseId),
            e.closedAt())));
  }

  @Override
  public boolean close(TopicId topicId, EscalationState state, Instant at) {
    requireNonNull(topicId, "topicId");
    requireNonNull(state, "state");
    requireNonNull(at, "at");
    if (state == EscalationState.OPEN) {
      throw new IllegalArgumentException("an escalation closes in RESOLVED or SOLVED_IN_COMMUNITY, not OPEN");
    }
    return transactor.inTransaction(() -> escalations.update(topicId.value(),
        e -> e.state() == EscalationState.OPEN,
        e -> new Escalation(e.topicId(), e.spaceId(), e.reason(), state, e.escalatedAt(), e.caseId(),
            Optional.of(at))));
  }

  @Override
  public List<TopicId> overdue(SpaceId spaceId, Instant askedBy, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(askedBy, "askedBy");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", was " + limit);
    }
    return transactor.inTransaction(() -> topics.rows().stream()
        .filter(t -> t.spaceId().equals(spaceId) && t.kind() == SpaceKind.QUESTIONS)
        .filter(t -> t.status() == TopicStatus.OPEN && !t.anonymous())
        .filter(t -> t.acceptedAnswerId().isEmpty() && t.answerCount() == 0)
        .filter(t -> !t.createdAt().isAfter(askedBy))
        .filter(t -> !escalations.contains(t.id().value()))
        .sorted(Comparator.comparing(Topic::createdAt).thenComparing(t -> t.id().value()))
        .limit(limit)
        .map(Topic::id)
        .toList());
  }

  @Override
  public DeflectionCounts deflection(SpaceId spaceId, Instant from, Instant to) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    return transactor.inTransaction(() -> topics.rows().stream()
        .filter(t -> t.spaceId().equals(spaceId) && t.kind() == SpaceKind.QUESTIONS && COUNTED.contains(t.status()))
        .filter(t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(to))
        .map(this::counts)
        .reduce(DeflectionCounts.NONE, DeflectionCounts::plus));
  }

  private DeflectionCounts counts(Topic question) {
    Optional<Escalation> escalation = escalations.get(question.id().value());
    boolean deflected = escalation.isEmpty() && question.solved();
    boolean resolved = escalation.filter(e -> e.state() != EscalationState.OPEN).isPresent();
    return new DeflectionCounts(1, deflected ? 1 : 0, escalation.isPresent() ? 1 : 0, resolved ? 1 : 0);
  }
}
