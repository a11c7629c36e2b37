package dev.communitysdk.spi.identity;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.MemberProfile;

/**
 * What the host knows of one of its users.
 *
 * @param userId the host's user id, as the host passes it to the SDK
 * @param profile display name, e-mail, roles, customer account and locale
 */
public record Identity(String userId, MemberProfile profile) {
  /** Checks the fields. */
  public Identity {
    requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    requireNonNull(profile, "profile");
  }
}
