package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a space allows beyond its kind's defaults. Only the rules of its own kind have an effect.
 *
 * @param ideaDownVotes for {@link SpaceKind#IDEAS}: whether members may vote ideas down (default: up only)
 * @param ideaVoteBudget for {@link SpaceKind#IDEAS}: how many open ideas a member may vote on at once; empty for no
 *     limit. Votes on shipped, declined and duplicate ideas do not count.
 * @param verifiedReviewsOnly for {@link SpaceKind#REVIEWS}: whether only members whose customer account owns the
 *     product (as the CRM says) may review it
 */
public record SpaceRules(boolean ideaDownVotes, Optional<Integer> ideaVoteBudget, boolean verifiedReviewsOnly) {
  /** Up votes only, no budget, any member may review. */
  public static final SpaceRules DEFAULT = new SpaceRules(false, Optional.empty(), false);

  /** Checks the fields. */
  public SpaceRules {
    requireNonNull(ideaVoteBudget, "ideaVoteBudget");
    ideaVoteBudget.ifPresent(budget -> {
      if (budget < 1) {
        throw new IllegalArgumentException("ideaVoteBudget must be at least 1, was " + budget);
      }
    });
  }
}
