package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * How much a member's answers were valued in some tags, counted from the ledger: each entry counts 1, each reversal
 * takes one back, whatever delta the cap or floor allowed.
 *
 * @param memberId the member
 * @param acceptedAnswers the member's accepted answers in the tags
 * @param upvotes the up votes the member's posts received in the tags
 */
public record ExpertiseRow(MemberId memberId, long acceptedAnswers, long upvotes) {
  /** Checks the fields. */
  public ExpertiseRow {
    requireNonNull(memberId, "memberId");
  }
}
