package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * The active up votes one customer account's members gave one idea.
 *
 * @param topicId the idea
 * @param accountId the customer account
 * @param votes how many of its members voted the idea up
 */
public record AccountVotes(TopicId topicId, String accountId, long votes) {
  /** Checks the fields. */
  public AccountVotes {
    requireNonNull(topicId, "topicId");
    Checks.notBlank(accountId, "accountId");
    Checks.nonNegative(votes, "votes");
  }
}
