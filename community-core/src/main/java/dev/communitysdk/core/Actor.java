package dev.communitysdk.core;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.MemberId;

/**
 * The member on whose behalf a command runs, as the host vouches for it. Obtain one from
 * {@link Community#actor(String)} with the id of the user the host authenticated.
 *
 * <p>An actor is only a handle: every command reloads the member it names, so roles, reputation and status are
 * always the stored ones, never what the handle held when it was made.
 *
 * @param memberId the member
 * @param userId the host's user id of the member
 */
public record Actor(MemberId memberId, String userId) {
  /** Checks the fields. */
  public Actor {
    requireNonNull(memberId, "memberId");
    requireNonNull(userId, "userId");
  }
}
