package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A member to insert, seen for the first time. Starts {@link MemberStatus#ACTIVE} with the given reputation.
 *
 * @param externalId the host's user id; unique
 * @param profile what the host's identity provider says of the user
 * @param initialReputation the starting reputation (1 by default rules)
 * @param createdAt when the member was first seen
 * @param handle the member's community handle: 1 to 40 characters of {@code [a-z0-9_]}; unique
 */
public record NewMember(
    String externalId, MemberProfile profile, long initialReputation, Instant createdAt, String handle) {
  /** Checks the fields. */
  public NewMember {
    Checks.notBlank(externalId, "externalId");
    requireNonNull(profile, "profile");
    Checks.instant(createdAt, "createdAt");
    Checks.handle(handle);
  }
}
