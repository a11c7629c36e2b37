package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

/**
 * An idea gaining votes.
 *
 * @param idea the idea
 * @param recentVotes up votes it received in the trending window ({@link Ideas#TRENDING_WINDOW})
 */
public record TrendingIdea(IdeaSummary idea, long recentVotes) {
  /** Checks the fields. */
  public TrendingIdea {
    requireNonNull(idea, "idea");
  }
}
