package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * The sum of one member's ledger deltas.
 *
 * @param memberId the member
 * @param ledgerSum the sum of the deltas of all the member's entries
 */
public record MemberTotal(MemberId memberId, long ledgerSum) {
  /** Checks the fields. */
  public MemberTotal {
    requireNonNull(memberId, "memberId");
  }
}
