package dev.communitysdk.core.access;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.core.internal.CustomerProfiles;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.storage.SpaceStore;

/**
 * Decides who may read and do what. Every command asks it before touching storage. Thread-safe.
 *
 * <p>Who reads a space: moderators and admins read every space; every member reads a {@link Visibility#PUBLIC} one; a
 * {@link Visibility#RESTRICTED} one admits members holding one of its roles, members of one of its customer accounts,
 * and members whose account is in one of its customer tiers, as the CRM tells the tier (through a short-lived cache;
 * a CRM that cannot be reached admits nobody by tier, and is never an error); a {@link Visibility#PRIVATE} one admits
 * its explicit members. Tiers compare exactly, case included.
 *
 * <p>A space the member may not read is reported as not found, never as forbidden, so that its existence does not
 * leak. A listing asks {@link #readable(Member)} once and checks every row against it, so that it reads the member's
 * memberships and tier at most once.
 */
public final class AccessPolicy {
  private final SpaceStore spaces;
  private final CustomerProfiles profiles;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param spaces where the explicit members of private spaces are kept
   * @param profiles the CRM's customer profiles, for tiers
   */
  public AccessPolicy(SpaceStore spaces, CustomerProfiles profiles) {
    this.spaces = requireNonNull(spaces, "spaces");
    this.profiles = requireNonNull(profiles, "profiles");
  }

  /**
   * @param member the reader
   * @param space the space
   * @return whether the member may read the space and its content
   */
  public boolean canRead(Member member, Space space) {
    return decide(member, space, () -> spaces.isMember(space.id(), member.id()), () -> tier(member));
  }

  /**
   * @param member the reader
   * @param space the space
   * @throws NotFoundException if the member may not read the space
   */
  public void requireRead(Member member, Space space) {
    if (!canRead(member, space)) {
      throw new NotFoundException("space", space.id());
    }
  }

  /**
   * For a call that checks many spaces for one member: the member's memberships and tier are read at most once, on
   * first need. Use it within one call only, since it does not see later changes.
   *
   * @param member the reader
   * @return what the member may read
   */
  public ReadableSpaces readable(Member member) {
    requireNonNull(member, "member");
    return new ReadableSpaces(member);
  }

  /**
   * For a call that checks one space for many members (who to suggest as experts, say): one membership query for the
   * lot.
   *
   * @param space the space
   * @param members the candidate readers
   * @return those of them who may read the space, in the given order
   */
  public List<Member> readersAmong(Space space, List<Member> members) {
    requireNonNull(space, "space");
    Set<MemberId> explicit = space.visibility() == Visibility.PRIVATE && !members.isEmpty()
        ? spaces.membersAmong(space.id(), members.stream().map(Member::id).toList())
        : Set.of();
    return members.stream()
        .filter(member -> decide(member, space, () -> explicit.contains(member.id()), () -> tier(member)))
        .toList();
  }

  private boolean decide(Member member, Space space, BooleanSupplier explicitMember, Supplier<Optional<String>> tier) {
    if (isModerator(member)) {
      return true;
    }
    SpaceAccess access = space.access();
    return switch (space.visibility()) {
      case PUBLIC -> true;
      case RESTRICTED -> !Collections.disjoint(member.profile().roles(), access.roles())
          || member.profile().customerAccountId().filter(access.accounts()::contains).isPresent()
          || (!access.tiers().isEmpty() && tier.get().filter(access.tiers()::contains).isPresent());
      case PRIVATE -> explicitMember.getAsBoolean();
    };
  }

  private Optional<String> tier(Member member) {
    return member.profile().customerAccountId().flatMap(profiles::of).map(CustomerProfile::tier);
  }

  /** What one member may read, worked out lazily and at most once per call. Not thread-safe; not for keeping. */
  public final class ReadableSpaces {
    private final Member member;
    private @Nullable Set<SpaceId> memberships;
    private @Nullable Optional<String> tier;

    private ReadableSpaces(Member member) {
      this.member = member;
    }

    /**
     * @param space a space
     * @return whether the member may read it
     */
    public boolean canRead(Space space) {
      return decide(member, space, () -> memberships().contains(space.id()), this::tier);
    }

    private Set<SpaceId> memberships() {
      if (memberships == null) {
        memberships = spaces.memberships(member.id());
      }
      return memberships;
    }

    private Optional<String> tier() {
      if (tier == null) {
        tier = AccessPolicy.this.tier(member);
      }
      return tier;
    }
  }

  /**
   * @param member the member about to act
   * @param action the action, for the message
   * @throws PermissionDeniedException if the member is deactivated or erased
   */
  public void requireActive(Member member, String action) {
    if (member.status() != MemberStatus.ACTIVE) {
      throw new PermissionDeniedException(action, "member " + member.id() + " is " + member.status());
    }
  }

  /**
   * @param member the member about to act
   * @param action the action, for the message
   * @throws PermissionDeniedException if the member is not an admin
   */
  public void requireAdmin(Member member, String action) {
    if (!member.has(Role.ADMIN)) {
      throw new PermissionDeniedException(action, "only admins may do this");
    }
  }

  /**
   * Speaking for the company (an idea's status and official response, an official reply to a review) is for its
   * employees and admins.
   *
   * @param member the member about to act
   * @param action the action, for the message
   * @throws PermissionDeniedException if the member is neither employee nor admin
   */
  public void requireEmployee(Member member, String action) {
    if (!member.has(Role.EMPLOYEE) && !member.has(Role.ADMIN)) {
      throw new PermissionDeniedException(action, "only employees and admins may do this");
    }
  }

  /**
   * @param member the member about to act
   * @param action the action, for the message
   * @throws PermissionDeniedException if the member is neither moderator nor admin
   */
  public void requireModerator(Member member, String action) {
    if (!isModerator(member)) {
      throw new PermissionDeniedException(action, "only moderators and admins may do this");
    }
  }

  /**
   * Editing, deleting, closing and reopening one's own content is always allowed; moderators and admins may do it to
   * anyone's.
   *
   * @param member the member about to act
   * @param authorId the author of the content
   * @param action the action, for the message
   * @throws PermissionDeniedException if the member is not the author and not a moderator
   */
  public void requireAuthorOrModerator(Member member, MemberId authorId, String action) {
    if (!member.id().equals(authorId) && !isModerator(member)) {
      throw new PermissionDeniedException(action, "only the author, moderators and admins may do this");
    }
  }

  /**
   * Staff are the company's people and its moderators: they read insights, bypass reputation thresholds and skip
   * pre-moderation.
   *
   * @param member a member
   * @return whether the member is an employee, a moderator or an admin
   */
  public static boolean isStaff(Member member) {
    return member.has(Role.EMPLOYEE) || member.has(Role.MODERATOR) || member.has(Role.ADMIN);
  }

  /**
   * @param member a member
   * @return whether the member is a moderator or an admin
   */
  public boolean isModerator(Member member) {
    return member.has(Role.MODERATOR) || member.has(Role.ADMIN);
  }
}
