package dev.communitysdk.tck.community;

import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.model.Role;

/**
 * One visibility case of the access matrix: which space the viewer looks at, and how the viewer stands towards it.
 * Whether the viewer may read is said here, once, as a table; moderators and admins read every space whatever the
 * case.
 */
enum AccessCase {
  /** A public space. */
  PUBLIC("public", AccessCase.Group.PUBLIC, Optional.empty(), false, false, Set.of(Role.values())),
  /** A space restricted to experts, employees and partners; the viewer has no account. */
  RESTRICTED_BY_ROLE("restricted to roles", AccessCase.Group.ROLES, Optional.empty(), false, false,
      Set.of(Role.EXPERT, Role.EMPLOYEE, Role.PARTNER)),
  /** A space restricted to account acme and tier gold; the viewer belongs to acme (a bronze account). */
  RESTRICTED_BY_ACCOUNT("restricted, viewer's account listed", AccessCase.Group.GRANTS, Optional.of("acme"), false,
      false, Set.of(Role.values())),
  /** The same space; the viewer belongs to globex, a gold account. */
  RESTRICTED_BY_TIER("restricted, viewer's tier listed", AccessCase.Group.GRANTS, Optional.of("globex"), false, false,
      Set.of(Role.values())),
  /** The same space and viewer, while the CRM cannot be reached: no tier, so not admitted, and no error either. */
  RESTRICTED_TIER_CRM_DOWN("restricted, viewer's tier listed, CRM down", AccessCase.Group.GRANTS,
      Optional.of("globex"), true, false, Set.of()),
  /** The same space; the viewer belongs to initech, a silver account: neither account nor tier is listed. */
  RESTRICTED_NOT_ADMITTED("restricted, viewer not admitted", AccessCase.Group.GRANTS, Optional.of("initech"), false,
      false, Set.of()),
  /** A private space the viewer was added to. */
  PRIVATE_MEMBER("private, viewer a member", AccessCase.Group.PRIVATE, Optional.empty(), false, true,
      Set.of(Role.values())),
  /** The same private space; the viewer was not added. */
  PRIVATE_OUTSIDER("private, viewer not a member", AccessCase.Group.PRIVATE, Optional.empty(), false, false, Set.of());

  /** The spaces of the world: one per group and kind. */
  enum Group {
    PUBLIC, ROLES, GRANTS, PRIVATE
  }

  final String label;
  final Group group;
  final Optional<String> account;
  final boolean crmDown;
  final boolean addedToSpace;
  private final Set<Role> admitted;

  AccessCase(String label, Group group, Optional<String> account, boolean crmDown, boolean addedToSpace,
      Set<Role> admitted) {
    this.label = label;
    this.group = group;
    this.account = account;
    this.crmDown = crmDown;
    this.addedToSpace = addedToSpace;
    this.admitted = admitted;
  }

  /**
   * @param role the viewer's role
   * @return whether a viewer holding the role (and MEMBER) may read the case's space
   */
  boolean readableBy(Role role) {
    return role == Role.MODERATOR || role == Role.ADMIN || admitted.contains(role);
  }

  /** @return whether the case is one of a private space */
  boolean isPrivate() {
    return group == Group.PRIVATE;
  }
}
