package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * A page request for the topics of one space, in one order, after an optional cursor.
 *
 * @param spaceId the space to list
 * @param order the listing order
 * @param statuses the topic statuses to include; not empty
 * @param tag only topics carrying this tag, when present
 * @param after the cursor the previous page ended at, if any
 * @param limit the page size, 1 to 200
 * @param questionState only unanswered or only solved topics, or any
 */
public record TopicQuery(
    SpaceId spaceId, ListingOrder order, Set<TopicStatus> statuses, Optional<String> tag,
    Optional<ListingCursor> after, int limit, QuestionState questionState) {
  /** The largest page a store must serve. */
  public static final int MAX_LIMIT = 200;

  /** Checks the fields. */
  public TopicQuery {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(order, "order");
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty");
    }
    requireNonNull(tag, "tag");
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    requireNonNull(questionState, "questionState");
  }

  /** A query for topics in any question state. */
  public TopicQuery(
      SpaceId spaceId, ListingOrder order, Set<TopicStatus> statuses, Optional<String> tag,
      Optional<ListingCursor> after, int limit) {
    this(spaceId, order, statuses, tag, after, limit, QuestionState.ANY);
  }

  /**
   * Where a topic sits in a listing order: the value {@link ListingCursor#rank()} holds for it.
   *
   * @param order the listing order
   * @param topic the topic
   * @return the topic's sort key in that order
   */
  public static double rankOf(ListingOrder order, Topic topic) {
    return switch (order) {
      case LATEST -> EpochMicros.of(topic.createdAt());
      case ACTIVE -> EpochMicros.of(topic.lastActivityAt());
      case TOP -> topic.score();
      case HOT -> topic.hot();
    };
  }
}
