package dev.communitysdk.examples;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.identity.Identity;
import dev.communitysdk.spi.identity.IdentityProvider;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.Role;

/**
 * Stands in for the host's own user directory (its SSO, its user table): the SDK asks it who a user id is. A real
 * host answers from its own database or identity provider, in batches.
 */
final class HostDirectory implements IdentityProvider {
  private final Map<String, Identity> users = new LinkedHashMap<>();

  HostDirectory add(String userId, String displayName, String accountId, Role... roles) {
    users.put(userId, new Identity(userId, new MemberProfile(displayName, Optional.of(userId + "@example.com"),
        Set.of(roles), Optional.of(accountId), Optional.of("en"))));
    return this;
  }

  @Override
  public synchronized Map<String, Identity> lookup(Collection<String> userIds) {
    Map<String, Identity> found = new LinkedHashMap<>();
    for (String id : userIds) {
      Identity identity = users.get(id);
      if (identity != null) {
        found.put(id, identity);
      }
    }
    return found;
  }
}
