package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A community profile bound to one host user id.
 *
 * @param id the store's id
 * @param externalId the host's user id; unique
 * @param profile what the host's identity provider says of the user
 * @param status whether the member can act
 * @param reputation the reputation total, kept by the reputation ledger; never below 1
 * @param createdAt when the member was first seen
 * @param handle the member's community handle, for {@code @handle} mentions: 1 to 40 characters of {@code [a-z0-9_]},
 *     unique, set when the member is first seen and kept when the display name changes
 */
public record Member(
    MemberId id, String externalId, MemberProfile profile, MemberStatus status, long reputation, Instant createdAt,
    String handle) {
  /** Checks the fields. */
  public Member {
    requireNonNull(id, "id");
    Checks.notBlank(externalId, "externalId");
    requireNonNull(profile, "profile");
    requireNonNull(status, "status");
    Checks.instant(createdAt, "createdAt");
    Checks.handle(handle);
  }

  /** The longest handle. */
  public static final int HANDLE_MAX = 40;

  private static final Pattern HANDLE = Pattern.compile("[a-z0-9_]{1," + HANDLE_MAX + "}");

  /**
   * @param text any text
   * @return whether it is a valid handle: 1 to {@link #HANDLE_MAX} characters of {@code [a-z0-9_]}
   */
  public static boolean isHandle(String text) {
    return HANDLE.matcher(text).matches();
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
