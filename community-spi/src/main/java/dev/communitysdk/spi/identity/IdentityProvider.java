package dev.communitysdk.spi.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the host's authenticated user ids to identities. The host authenticates; the SDK trusts the id it is given and
 * never stores passwords. Core caches answers for a short time.
 *
 * <p>Implementations are thread-safe and may do I/O. A user the host no longer knows is simply absent from the
 * answer; core then deactivates the member.
 */
@FunctionalInterface
public interface IdentityProvider {
  /**
   * @param userIds host user ids, at most a few hundred at a time
   * @return the identities the host knows, keyed by user id; unknown ids are absent
   */
  Map<String, Identity> lookup(Collection<String> userIds);

  /**
   * @param userId one host user id
   * @return the identity, if the host knows the user
   */
  default Optional<Identity> lookup(String userId) {
    return Optional.ofNullable(lookup(Set.of(userId)).get(userId));
  }
}
