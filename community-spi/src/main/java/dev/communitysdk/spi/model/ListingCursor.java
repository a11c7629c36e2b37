package dev.communitysdk.spi.model;

/**
 * Where the previous page of a keyset-paged listing ended: the last row's sort key and id. The next page holds rows
 * strictly after it in the listing's order (rank descending, then id descending).
 *
 * <p>The rank is the sort column of the order: creation or last-activity time in epoch microseconds for
 * {@link ListingOrder#LATEST} and {@link ListingOrder#ACTIVE}, the score for {@link ListingOrder#TOP}, the hot rank
 * for {@link ListingOrder#HOT}. Epoch microseconds fit a double exactly until the year 2255.
 *
 * @param rank the last row's sort key
 * @param id the last row's id, which breaks ties
 */
public record ListingCursor(double rank, long id) {
  /** Checks the fields. */
  public ListingCursor {
    if (Double.isNaN(rank) || Double.isInfinite(rank)) {
      throw new IllegalArgumentException("rank must be finite, was " + rank);
    }
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
  }
}
