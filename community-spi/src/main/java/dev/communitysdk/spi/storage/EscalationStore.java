package dev.communitysdk.spi.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.NewEscalation;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;

/**
 * Escalations of questions to CRM support cases, one per topic at most, and the escalation service level of each
 * space. Thread-safe; every call joins the caller's transaction.
 */
public interface EscalationStore {
  /** The largest page of {@link #overdue}. */
  int MAX_PAGE = 1000;

  /**
   * Sets or clears a space's escalation service level.
   *
   * @param spaceId the space
   * @param sla how long a question may stay unanswered before it is escalated, whole seconds, positive; empty for
   *     never
   * @throws dev.communitysdk.spi.error.StorageException if the space does not exist
   */
  void setSla(SpaceId spaceId, Optional<Duration> sla);

  /** @return the space's escalation service level; empty when it has none or the space does not exist */
  Optional<Duration> sla(SpaceId spaceId);

  /** @return every space that has an escalation service level, with it */
  Map<SpaceId, Duration> slas();

  /**
   * @param escalation the escalation to insert, open and without a case
   * @return the stored escalation
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the topic is escalated already: the unique key that
   *     keeps a question from being escalated twice, even by concurrent sweeps
   * @throws dev.communitysdk.spi.error.StorageException if the topic or the space does not exist
   */
  Escalation insert(NewEscalation escalation);

  /** @return the topic's escalation, if it was escalated */
  Optional<Escalation> find(TopicId topicId);

  /**
   * Records the CRM's support case of an escalation, once: a second call, with whatever id, changes nothing.
   *
   * @param topicId the escalated topic
   * @param caseId the CRM's case id, 1 to 255 characters
   * @return whether the case was recorded by this call
   */
  boolean linkCase(TopicId topicId, String caseId);

  /**
   * Closes an open escalation.
   *
   * @param topicId the escalated topic
   * @param state the state it closes in; not {@link EscalationState#OPEN}
   * @param at when
   * @return whether an open escalation was closed by this call
   */
  boolean close(TopicId topicId, EscalationState state, Instant at);

  /**
   * Questions due for escalation in a space: open, not anonymous, with no accepted answer and no counted answer, asked
   * at or before the cutoff, and not escalated yet.
   *
   * @param spaceId a questions space
   * @param askedBy the cutoff, inclusive
   * @param limit the most topics returned, 1 to {@link #MAX_PAGE}
   * @return the topics, oldest first (by creation time, then id)
   */
  List<TopicId> overdue(SpaceId spaceId, Instant askedBy, int limit);

  /**
   * @param spaceId a space
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive
   * @return how the questions asked in the space during the period fared (only topics open, closed or locked count)
   */
  DeflectionCounts deflection(SpaceId spaceId, Instant from, Instant to);
}
