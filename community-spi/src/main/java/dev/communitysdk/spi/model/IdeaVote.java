package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One member's vote on one idea. A store holds at most one per (idea, voter). A vote is active while it counts for
 * its idea; marking the idea a duplicate deactivates its votes and copies each one to the target idea (unless the
 * voter already voted there) with {@code mergedFrom} set, so that undoing the merge can restore both sides.
 *
 * @param topicId the idea
 * @param voterId the member who voted
 * @param direction up or down
 * @param accountId the customer account the voter belonged to when voting, if any
 * @param castAt when the vote was cast or last changed (kept when a merge copies it)
 * @param mergedFrom for a copy made by a merge: the duplicate idea the vote was cast on
 */
public record IdeaVote(
    TopicId topicId, MemberId voterId, VoteDirection direction, Optional<String> accountId, Instant castAt,
    Optional<TopicId> mergedFrom) {
  /** Checks the fields. */
  public IdeaVote {
    requireNonNull(topicId, "topicId");
    requireNonNull(voterId, "voterId");
    requireNonNull(direction, "direction");
    requireNonNull(accountId, "accountId");
    accountId.ifPresent(account -> Checks.notBlank(account, "accountId"));
    Checks.instant(castAt, "castAt");
    requireNonNull(mergedFrom, "mergedFrom");
  }
}
