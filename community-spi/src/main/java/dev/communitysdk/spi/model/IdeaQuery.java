package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * A page request for the ideas of one space: those in the given statuses, in one order, after an optional cursor.
 *
 * @param spaceId the space
 * @param order the order
 * @param statuses the statuses to include; not empty
 * @param after the cursor the previous page ended at, if any
 * @param limit the page size, 1 to {@link TopicQuery#MAX_LIMIT}
 */
public record IdeaQuery(
    SpaceId spaceId, IdeaOrder order, Set<IdeaStatus> statuses, Optional<ListingCursor> after, int limit) {
  /** Checks the fields. */
  public IdeaQuery {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(order, "order");
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty");
    }
    requireNonNull(after, "after");
    if (limit < 1 || limit > TopicQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + TopicQuery.MAX_LIMIT + ", was " + limit);
    }
  }
}
