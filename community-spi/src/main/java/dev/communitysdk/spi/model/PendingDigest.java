package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A digest sealed for a member and not yet marked sent. Its items are fixed when it is sealed.
 *
 * @param id the store's id; increases in sealing order
 * @param memberId the recipient
 * @param sealedAt when it was sealed
 */
public record PendingDigest(long id, MemberId memberId, Instant sealedAt) {
  /** Checks the fields. */
  public PendingDigest {
    requireNonNull(memberId, "memberId");
    Checks.instant(sealedAt, "sealedAt");
  }
}
