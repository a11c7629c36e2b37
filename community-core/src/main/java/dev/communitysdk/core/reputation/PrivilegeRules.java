package dev.communitysdk.core.reputation;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;

/**
 * The reputation each {@link Privilege} needs. Employees, moderators and admins hold every privilege whatever their
 * reputation. Immutable.
 */
public final class PrivilegeRules {
  /** How many links a post may hold without {@link Privilege#POST_LINKS}. */
  public static final int FREE_LINKS = 2;

  private final Map<Privilege, Long> thresholds;

  private PrivilegeRules(Map<Privilege, Long> thresholds) {
    this.thresholds = Map.copyOf(thresholds);
  }

  /**
   * @return Stack Exchange's thresholds: up vote 15, flag 15, down vote 125, more than two links 10, edit others'
   *     posts 2000, close and reopen 3000
   */
  public static PrivilegeRules stackExchange() {
    Map<Privilege, Long> defaults = new EnumMap<>(Privilege.class);
    defaults.put(Privilege.UPVOTE, 15L);
    defaults.put(Privilege.FLAG, 15L);
    defaults.put(Privilege.DOWNVOTE, 125L);
    defaults.put(Privilege.POST_LINKS, 10L);
    defaults.put(Privilege.EDIT_OTHERS, 2000L);
    defaults.put(Privilege.CLOSE_OTHERS, 3000L);
    return new PrivilegeRules(defaults);
  }

  /** @return rules where every privilege needs no reputation, for communities that trust everyone from the start */
  public static PrivilegeRules open() {
    Map<Privilege, Long> none = new EnumMap<>(Privilege.class);
    for (Privilege privilege : Privilege.values()) {
      none.put(privilege, 0L);
    }
    return new PrivilegeRules(none);
  }

  /**
   * @param privilege a privilege
   * @param reputation the reputation it needs, at least 0
   * @return these rules with that threshold
   */
  public PrivilegeRules with(Privilege privilege, long reputation) {
    requireNonNull(privilege, "privilege");
    if (reputation < 0) {
      throw new IllegalArgumentException("reputation must be at least 0, was " + reputation);
    }
    Map<Privilege, Long> changed = new EnumMap<>(thresholds);
    changed.put(privilege, reputation);
    return new PrivilegeRules(changed);
  }

  /** @return the reputation the privilege needs */
  public long threshold(Privilege privilege) {
    return thresholds.get(privilege);
  }

  /** @return whether the member holds the privilege */
  public boolean holds(Member member, Privilege privilege) {
    return AccessPolicy.isStaff(member) || member.reputation() >= threshold(privilege);
  }

  /**
   * @param member the acting member
   * @param privilege the privilege the action needs
   * @param action the action, for the message
   * @throws PermissionDeniedException naming the threshold, if the member lacks the privilege
   */
  public void require(Member member, Privilege privilege, String action) {
    if (!holds(member, privilege)) {
      throw new PermissionDeniedException(action, privilege.name().toLowerCase(java.util.Locale.ROOT)
          + " needs reputation " + threshold(privilege) + ", member has " + member.reputation());
    }
  }
}
