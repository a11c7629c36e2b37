package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An idea's demand weighted by the customers behind it: each account counts once, with its CRM weight, however many of
 * its members voted.
 *
 * @param idea the idea
 * @param weightedDemand the sum of the backing accounts' weights
 * @param accounts the backing accounts, heaviest first
 */
public record IdeaDemand(IdeaSummary idea, double weightedDemand, List<AccountDemand> accounts) {
  /** Checks the fields. */
  public IdeaDemand {
    requireNonNull(idea, "idea");
    accounts = List.copyOf(requireNonNull(accounts, "accounts"));
  }
}
