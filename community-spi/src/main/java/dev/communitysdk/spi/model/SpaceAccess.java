package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who, besides moderators and admins, may read a {@link Visibility#RESTRICTED} space: members holding one of the
 * roles, members of one of the customer accounts, or members whose account is in one of the customer tiers (as the
 * CRM tells the tier). Empty for public and private spaces.
 *
 * @param roles the roles admitted
 * @param accounts the customer account ids admitted, each 1 to 255 characters
 * @param tiers the customer tiers admitted, such as {@code "gold"}, each 1 to 255 characters
 */
public record SpaceAccess(Set<Role> roles, Set<String> accounts, Set<String> tiers) {
  /** The longest account id or tier name a grant may hold. */
  public static final int MAX_GRANTEE = 255;

  /** Nobody listed: the access of public and private spaces. */
  public static final SpaceAccess NONE = new SpaceAccess(Set.of(), Set.of(), Set.of());

  /** Checks the fields. */
  public SpaceAccess {
    roles = Set.copyOf(requireNonNull(roles, "roles"));
    accounts = grantees(accounts, "accounts");
    tiers = grantees(tiers, "tiers");
  }

  /**
   * @param roles the roles admitted
   * @return access for members holding one of the roles
   */
  public static SpaceAccess roles(Set<Role> roles) {
    return new SpaceAccess(roles, Set.of(), Set.of());
  }

  /** @return whether nobody is listed */
  public boolean isEmpty() {
    return roles.isEmpty() && accounts.isEmpty() && tiers.isEmpty();
  }

  private static Set<String> grantees(Set<String> values, String name) {
    Set<String> copy = Set.copyOf(requireNonNull(values, name));
    for (String value : copy) {
      if (value.isBlank() || value.length() > MAX_GRANTEE) {
        throw new IllegalArgumentException(name + " must be 1 to " + MAX_GRANTEE + " characters and not blank, was '"
            + value + "'");
      }
    }
    return copy;
  }
}
