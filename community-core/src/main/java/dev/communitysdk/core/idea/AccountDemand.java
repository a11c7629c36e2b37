package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One customer account's share of an idea's demand.
 *
 * @param accountId the customer account
 * @param tier the account's tier as the CRM says, empty when the CRM does not know the account
 * @param weight the account's weight from the CRM; 0 when unknown
 * @param voters how many of its members voted the idea up
 */
public record AccountDemand(String accountId, Optional<String> tier, double weight, long voters) {
  /** Checks the fields. */
  public AccountDemand {
    requireNonNull(accountId, "accountId");
    requireNonNull(tier, "tier");
  }
}
