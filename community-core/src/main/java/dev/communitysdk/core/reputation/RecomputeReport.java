package dev.communitysdk.core.reputation;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.communitysdk.spi.model.MemberId;

/**
 * What a recompute found: members whose stored total disagreed with their ledger, now corrected.
 *
 * @param membersChecked how many members with ledger entries were checked
 * @param drifts the members whose total had drifted, with both values
 */
public record RecomputeReport(int membersChecked, List<Drift> drifts) {
  /** Checks the fields. */
  public RecomputeReport {
    drifts = List.copyOf(requireNonNull(drifts, "drifts"));
  }

  /**
   * A total that disagreed with its ledger.
   *
   * @param memberId the member
   * @param stored the total that was stored
   * @param fromLedger the total the ledger gives, now stored
   */
  public record Drift(MemberId memberId, long stored, long fromLedger) {
    /** Checks the fields. */
    public Drift {
      requireNonNull(memberId, "memberId");
    }
  }
}
