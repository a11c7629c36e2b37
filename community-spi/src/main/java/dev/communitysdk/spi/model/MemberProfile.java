package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * The part of a member that the host's identity provider owns and the SDK mirrors: refreshed whenever the host's
 * identity changes.
 *
 * @param displayName the name shown next to the member's content
 * @param email the e-mail address, if the host shares it
 * @param roles the member's roles; {@link Role#MEMBER} is always included
 * @param customerAccountId the customer account (company) the member belongs to, if any
 * @param locale a BCP 47 language tag, if known
 */
public record MemberProfile(
    String displayName, Optional<String> email, Set<Role> roles, Optional<String> customerAccountId,
    Optional<String> locale) {
  /** Checks the fields and adds {@link Role#MEMBER} to the roles. */
  public MemberProfile {
    Checks.notBlank(displayName, "displayName");
    requireNonNull(email, "email");
    requireNonNull(customerAccountId, "customerAccountId");
    requireNonNull(locale, "locale");
    java.util.EnumSet<Role> all = java.util.EnumSet.of(Role.MEMBER);
    all.addAll(requireNonNull(roles, "roles"));
    roles = Set.copyOf(all);
  }

  /** @return whether the member holds the role */
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
