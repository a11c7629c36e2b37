package dev.communitysdk.core.idea;

import static dev.communitysdk.spi.model.IdeaStatus.DECLINED;
import static dev.communitysdk.spi.model.IdeaStatus.IN_PROGRESS;
import static dev.communitysdk.spi.model.IdeaStatus.PLANNED;
import static dev.communitysdk.spi.model.IdeaStatus.SHIPPED;
import static dev.communitysdk.spi.model.IdeaStatus.UNDER_REVIEW;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.communitysdk.spi.model.IdeaStatus;

/**
 * The roadmap an idea travels: {@code NEW → UNDER_REVIEW → PLANNED → IN_PROGRESS → SHIPPED}, steps may be skipped,
 * and a plan may step back (planned back to under review, in progress back to planned) when it changes. Any open idea
 * may be declined; a declined idea may be reconsidered (back to under review). Shipped is final. Nothing returns to
 * {@code NEW}. {@code DUPLICATE} is entered and left only by merging and undoing the merge.
 */
public final class IdeaWorkflow {
  private static final Map<IdeaStatus, Set<IdeaStatus>> NEXT = Map.of(
      IdeaStatus.NEW, EnumSet.of(UNDER_REVIEW, PLANNED, IN_PROGRESS, SHIPPED, DECLINED),
      UNDER_REVIEW, EnumSet.of(PLANNED, IN_PROGRESS, SHIPPED, DECLINED),
      PLANNED, EnumSet.of(UNDER_REVIEW, IN_PROGRESS, SHIPPED, DECLINED),
      IN_PROGRESS, EnumSet.of(PLANNED, SHIPPED, DECLINED),
      SHIPPED, EnumSet.noneOf(IdeaStatus.class),
      DECLINED, EnumSet.of(UNDER_REVIEW),
      IdeaStatus.DUPLICATE, EnumSet.noneOf(IdeaStatus.class));

  private IdeaWorkflow() {}

  /**
   * @param from the current status
   * @param to the status asked for
   * @return whether {@link Ideas#changeStatus} may move an idea from one to the other
   */
  public static boolean allows(IdeaStatus from, IdeaStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** @return the statuses an idea in {@code from} may move to with {@link Ideas#changeStatus} */
  public static Set<IdeaStatus> next(IdeaStatus from) {
    return Set.copyOf(NEXT.get(from));
  }
}
