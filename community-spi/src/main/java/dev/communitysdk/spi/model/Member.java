package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A community profile bound to one host user id.
 *
 * @param id the store's id
 * @param externalId the host's user id; unique
 * @param profile what the host's identity provider says of the user
 * @param status whether the member can act
 * @param reputation the reputation total, kept by the reputation ledger; never below 1
 * @param createdAt when the member was first seen
 */
public record Member(
    MemberId id, String externalId, MemberProfile profile, MemberStatus status, long reputation, Instant createdAt) {
  /** Checks the fields. */
  public Member {
    requireNonNull(id, "id");
    Checks.notBlank(externalId, "externalId");
    requireNonNull(profile, "profile");
    requireNonNull(status, "status");
    Checks.instant(createdAt, "createdAt");
  }

  /** @return the display name from the profile */
  public String displayName() {
    return profile.displayName();
  }

  /** @return whether the member holds the role */
  public boolean has(Role role) {
    return profile.has(role);
  }
}
