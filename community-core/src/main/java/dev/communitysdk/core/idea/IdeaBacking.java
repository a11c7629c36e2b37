package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

/**
 * A customer account behind an idea's votes.
 *
 * @param accountId the customer account, as the identity provider names it
 * @param voters how many of its members voted the idea up
 */
public record IdeaBacking(String accountId, long voters) {
  /** Checks the fields. */
  public IdeaBacking {
    requireNonNull(accountId, "accountId");
  }
}
