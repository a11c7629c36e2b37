package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A page request for the reviews of one product in one space.
 *
 * @param spaceId the space
 * @param productId the product
 * @param order the order
 * @param after the cursor the previous page ended at, if any
 * @param limit the page size, 1 to {@link TopicQuery#MAX_LIMIT}
 */
public record ReviewQuery(
    SpaceId spaceId, String productId, ReviewOrder order, Optional<ListingCursor> after, int limit) {
  /** Checks the fields. */
  public ReviewQuery {
    requireNonNull(spaceId, "spaceId");
    Checks.notBlank(productId, "productId");
    requireNonNull(order, "order");
    requireNonNull(after, "after");
    if (limit < 1 || limit > TopicQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + TopicQuery.MAX_LIMIT + ", was " + limit);
    }
  }
}
