package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * Stores topics and their tags. Counters change only through atomic {@code x = x + delta} updates, so that concurrent
 * commands never lose one. Thread-safe; every call joins the caller's transaction.
 */
public interface TopicStore {
  /**
   * @param topic the topic to insert, with its tags
   * @return the stored topic: open, no replies, score 0, version 1
   */
  Topic insert(NewTopic topic);

  /** @return the topic with its tags, if it exists */
  Optional<Topic> find(TopicId id);

  /** @return the topics that exist among the ids, each with its tags, in no particular order */
  List<Topic> findAll(Collection<TopicId> ids);

  /**
   * Replaces title and tags if the stored version is {@code expectedVersion}, bumping the version.
   *
   * @return whether the update happened (false: missing or another version)
   */
  boolean updateTitleAndTags(TopicId id, long expectedVersion, String title, List<String> tags, Instant at);

  /**
   * Sets the status if the stored version is {@code expectedVersion}, bumping the version.
   *
   * @return whether the update happened (false: missing or another version)
   */
  boolean updateStatus(TopicId id, long expectedVersion, TopicStatus status, Instant at);

  /**
   * Adds {@code delta} to the reply count atomically, and moves last activity forward to {@code at} when later.
   *
   * @return whether the topic exists
   */
  boolean addReplies(TopicId id, int delta, Instant at);

  /**
   * Adds {@code delta} to the score atomically and returns the new score, read inside the same transaction.
   *
   * @return the new score, or empty if the topic does not exist
   */
  Optional<Long> addScore(TopicId id, long delta);

  /**
   * Stores the hot rank derived from the current score.
   *
   * @return whether the topic exists
   */
  boolean updateHot(TopicId id, double hot);

  /**
   * One page of a keyset-paged listing: rows after the query's cursor in (rank descending, id descending) order,
   * narrowed by the query's question state (unanswered: no accepted answer and an answer count of 0; solved: an
   * accepted answer).
   *
   * @return at most {@code query.limit()} topics, each with its tags
   */
  List<Topic> list(TopicQuery query);

  /**
   * Sets or clears the accepted answer of a question. Not an edit: the version stays.
   *
   * @return whether the topic exists
   */
  boolean updateAcceptedAnswer(TopicId id, Optional<PostId> answerId);

  /**
   * Adds {@code delta} to the count of answers that keep a question off the unanswered list, atomically. Not an edit:
   * the version stays.
   *
   * @return whether the topic exists
   */
  boolean addAnswers(TopicId id, int delta);
}
