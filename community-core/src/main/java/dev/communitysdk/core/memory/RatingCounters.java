package dev.communitysdk.core.memory;

import java.util.ArrayList;
import java.util.List;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.RatingCounts;
import dev.communitysdk.spi.model.SpaceId;

/**
 * The star counters of each product, keyed by (space, product), and of each space, moved together. A row is created on
 * its first review and kept when its count comes back to zero, which reads the same as no row. A counter that would go
 * below zero is refused, as a database's check constraint would refuse it. Callers run inside a transaction.
 */
final class RatingCounters {
  private final Table<ProductKey, RatingCounts> products;
  private final Table<Long, RatingCounts> spaces;

  RatingCounters(InMemoryTransactor transactor) {
    this.products = new Table<>(transactor);
    this.spaces = new Table<>(transactor);
  }

  /**
   * Adds {@code delta} reviews of {@code stars} stars to the product's row and to the space's.
   *
   * @throws StorageException if that leaves fewer than no reviews with those stars in either row; neither changes
   */
  void add(SpaceId spaceId, String productId, int stars, int delta) {
    ProductKey key = new ProductKey(spaceId.value(), productId);
    // Both rows are computed before either is written, so that a refusal leaves both as they were.
    RatingCounts product = plus(product(spaceId, productId), stars, delta, "product " + productId);
    RatingCounts space = plus(space(spaceId), stars, delta, "space " + spaceId.value());
    products.put(key, product);
    spaces.put(spaceId.value(), space);
  }

  RatingCounts product(SpaceId spaceId, String productId) {
    return products.get(new ProductKey(spaceId.value(), productId)).orElse(RatingCounts.NONE);
  }

  RatingCounts space(SpaceId spaceId) {
    return spaces.get(spaceId.value()).orElse(RatingCounts.NONE);
  }

  private static RatingCounts plus(RatingCounts counts, int stars, int delta, String of) {
    List<Long> distribution = new ArrayList<>(counts.distribution());
    long slot = distribution.get(stars - 1) + delta;
    // Every slot stays at zero or above, so the count and the star sum, which add the slots up, do as well.
    if (slot < 0) {
      throw new StorageException("taking " + -delta + " reviews of " + stars + " stars out of " + of
          + " would leave fewer than none: only " + distribution.get(stars - 1) + " were counted", null);
    }
    distribution.set(stars - 1, slot);
    return new RatingCounts(counts.count() + delta, counts.starSum() + (long) delta * stars, distribution);
  }

  /** A product's row key, ordered by space, then product id. */
  private record ProductKey(long spaceId, String productId) implements Comparable<ProductKey> {
    @Override
    public int compareTo(ProductKey other) {
      int bySpace = Long.compare(spaceId, other.spaceId);
      return bySpace != 0 ? bySpace : productId.compareTo(other.productId);
    }
  }
}
