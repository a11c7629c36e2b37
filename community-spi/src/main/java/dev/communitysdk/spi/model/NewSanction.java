package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A sanction to store. The fields mean what they mean on {@link Sanction}.
 *
 * @param memberId the sanctioned member
 * @param kind silence, suspension or ban
 * @param reason why, as the moderator wrote it
 * @param moderatorId who imposed it
 * @param startsAt when it takes effect
 * @param endsAt when it ends by itself, after {@code startsAt}; empty until lifted
 */
public record NewSanction(
    MemberId memberId, SanctionKind kind, String reason, MemberId moderatorId, Instant startsAt,
    Optional<Instant> endsAt) {
  /** The longest reason a store must keep. */
  public static final int MAX_REASON = 500;

  /** Checks the fields. */
  public NewSanction {
    requireNonNull(memberId, "memberId");
    requireNonNull(kind, "kind");
    Sanction.checkReason(reason, "reason");
    requireNonNull(moderatorId, "moderatorId");
    Checks.instant(startsAt, "startsAt");
    requireNonNull(endsAt, "endsAt");
    endsAt.ifPresent(end -> {
      if (!end.isAfter(startsAt)) {
        throw new IllegalArgumentException("endsAt must be after startsAt, was " + end);
      }
    });
  }
}
