package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The open flags of one post, summed.
 *
 * @param postId the post
 * @param count how many open flags it has
 * @param weight their total weight
 * @param reasons the reasons they give
 */
public record FlagSummary(PostId postId, long count, long weight, Set<FlagReason> reasons) {
  /** Checks the fields. */
  public FlagSummary {
    requireNonNull(postId, "postId");
    Checks.nonNegative(count, "count");
    Checks.nonNegative(weight, "weight");
    reasons = Set.copyOf(requireNonNull(reasons, "reasons"));
  }

  /**
   * @param postId a post
   * @return the summary of a post without open flags
   */
  public static FlagSummary none(PostId postId) {
    return new FlagSummary(postId, 0, 0, Set.of());
  }
}
