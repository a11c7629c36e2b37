package dev.communitysdk.core.review;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.model.ReviewOrder;
import dev.communitysdk.spi.model.SpaceId;

/**
 * A page request for a product's reviews. Start from {@link #mostHelpful} or {@link #newest}.
 *
 * @param spaceId the reviews space
 * @param productId the product
 * @param order most helpful (Wilson lower bound) or newest first
 * @param cursor the previous page's {@link dev.communitysdk.core.Page#next()}, if any
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 */
public record ReviewListing(SpaceId spaceId, String productId, ReviewOrder order, Optional<String> cursor, int limit) {
  /** The largest page. */
  public static final int MAX_LIMIT = 100;
  /** The page size unless changed. */
  public static final int DEFAULT_LIMIT = 20;

  /** Checks that no field is null. */
  public ReviewListing {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(productId, "productId");
    requireNonNull(order, "order");
    requireNonNull(cursor, "cursor");
  }

  /** @return the product's reviews, most helpful first */
  public static ReviewListing mostHelpful(SpaceId spaceId, String productId) {
    return new ReviewListing(spaceId, productId, ReviewOrder.MOST_HELPFUL, Optional.empty(), DEFAULT_LIMIT);
  }

  /** @return the product's reviews, newest first */
  public static ReviewListing newest(SpaceId spaceId, String productId) {
    return new ReviewListing(spaceId, productId, ReviewOrder.NEWEST, Optional.empty(), DEFAULT_LIMIT);
  }

  /** @return this request for the page after the cursor */
  public ReviewListing after(String newCursor) {
    return new ReviewListing(spaceId, productId, order, Optional.of(newCursor), limit);
  }

  /** @return this request with another page size */
  public ReviewListing limit(int newLimit) {
    return new ReviewListing(spaceId, productId, order, cursor, newLimit);
  }
}
