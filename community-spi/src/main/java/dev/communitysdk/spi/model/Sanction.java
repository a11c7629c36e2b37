package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A moderator's sanction of a member, kept for good: the record of who imposed it, when and why, and who lifted it.
 *
 * @param id the store's id
 * @param memberId the sanctioned member
 * @param kind silence, suspension or ban
 * @param reason why, as the moderator wrote it
 * @param moderatorId who imposed it
 * @param startsAt when it took effect
 * @param endsAt when it ends by itself; empty until lifted
 * @param liftedBy who lifted it early, if anyone
 * @param liftedAt when it was lifted, if it was
 * @param liftReason why it was lifted, if it was
 */
public record Sanction(
    SanctionId id, MemberId memberId, SanctionKind kind, String reason, MemberId moderatorId, Instant startsAt,
    Optional<Instant> endsAt, Optional<MemberId> liftedBy, Optional<Instant> liftedAt, Optional<String> liftReason) {
  /** Checks the fields: a lifted sanction names who lifted it, when and why. */
  public Sanction {
    requireNonNull(id, "id");
    requireNonNull(memberId, "memberId");
    requireNonNull(kind, "kind");
    checkReason(reason, "reason");
    requireNonNull(moderatorId, "moderatorId");
    Checks.instant(startsAt, "startsAt");
    requireNonNull(endsAt, "endsAt");
    requireNonNull(liftedBy, "liftedBy");
    requireNonNull(liftedAt, "liftedAt");
    requireNonNull(liftReason, "liftReason");
    liftReason.ifPresent(text -> checkReason(text, "liftReason"));
    if (liftedBy.isPresent() != liftedAt.isPresent() || liftedAt.isPresent() != liftReason.isPresent()) {
      throw new IllegalArgumentException("a lifted sanction names who lifted it, when and why; a sanction in force"
          + " names none of them");
    }
  }

  /**
   * @param at a moment
   * @return whether the sanction is in force then: started, not ended, and not lifted by then
   */
  public boolean activeAt(Instant at) {
    return !startsAt.isAfter(at)
        && endsAt.map(at::isBefore).orElse(true)
        && liftedAt.map(at::isBefore).orElse(true);
  }

  static void checkReason(String reason, String name) {
    Checks.notBlank(reason, name);
    if (reason.length() > NewSanction.MAX_REASON) {
      throw new IllegalArgumentException(name + " must be at most " + NewSanction.MAX_REASON + " characters");
    }
  }
}
