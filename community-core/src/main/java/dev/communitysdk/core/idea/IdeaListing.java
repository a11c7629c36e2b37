package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.model.IdeaOrder;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.SpaceId;

/**
 * A page request for a space's ideas. Start from {@link #top}, {@link #withStatus} or {@link #recentlyShipped}.
 *
 * @param spaceId the ideas space
 * @param order most votes first, or most recent status change first
 * @param statuses the statuses to include; not empty
 * @param cursor the previous page's {@link dev.communitysdk.core.Page#next()}, if any
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 */
public record IdeaListing(
    SpaceId spaceId, IdeaOrder order, Set<IdeaStatus> statuses, Optional<String> cursor, int limit) {
  /** The largest page. */
  public static final int MAX_LIMIT = 100;
  /** The page size unless changed. */
  public static final int DEFAULT_LIMIT = 20;

  /** Checks that no field is null. */
  public IdeaListing {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(order, "order");
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
    requireNonNull(cursor, "cursor");
  }

  /** @return the open ideas of the space (new, under review, planned, in progress), most votes first */
  public static IdeaListing top(SpaceId spaceId) {
    return new IdeaListing(spaceId, IdeaOrder.TOP, open(), Optional.empty(), DEFAULT_LIMIT);
  }

  /** @return the ideas in one status, most votes first */
  public static IdeaListing withStatus(SpaceId spaceId, IdeaStatus status) {
    return new IdeaListing(spaceId, IdeaOrder.TOP, Set.of(status), Optional.empty(), DEFAULT_LIMIT);
  }

  /** @return the roadmap's latest: shipped ideas, most recently shipped first */
  public static IdeaListing recentlyShipped(SpaceId spaceId) {
    return new IdeaListing(spaceId, IdeaOrder.RECENTLY_CHANGED, Set.of(IdeaStatus.SHIPPED), Optional.empty(),
        DEFAULT_LIMIT);
  }

  /** @return this request for the page after the cursor */
  public IdeaListing after(String newCursor) {
    return new IdeaListing(spaceId, order, statuses, Optional.of(newCursor), limit);
  }

  /** @return this request with another page size */
  public IdeaListing limit(int newLimit) {
    return new IdeaListing(spaceId, order, statuses, cursor, newLimit);
  }

  static Set<IdeaStatus> open() {
    Set<IdeaStatus> open = EnumSet.noneOf(IdeaStatus.class);
    for (IdeaStatus status : IdeaStatus.values()) {
      if (status.votingOpen()) {
        open.add(status);
      }
    }
    return open;
  }
}
