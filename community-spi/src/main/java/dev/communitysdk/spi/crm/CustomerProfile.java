package dev.communitysdk.spi.crm;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What the CRM knows of a customer account.
 *
 * @param accountId the CRM's account id
 * @param tier the account's tier, such as {@code "gold"}
 * @param productsOwned the host catalog's ids of the products the account owns
 * @param weight the account's weight for demand reports (revenue band, say); at least 0
 */
public record CustomerProfile(String accountId, String tier, Set<String> productsOwned, double weight) {
  /** Checks the fields. */
  public CustomerProfile {
    requireNonNull(accountId, "accountId");
    requireNonNull(tier, "tier");
    productsOwned = Set.copyOf(requireNonNull(productsOwned, "productsOwned"));
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("weight must be at least 0, was " + weight);
    }
  }
}
