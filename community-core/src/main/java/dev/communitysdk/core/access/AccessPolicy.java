package dev.communitysdk.core.access;

import java.util.Collections;

import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;

/**
 * Decides who may read and do what. Every command asks it before touching storage. Stateless and thread-safe.
 *
 * <p>A space the member may not read is reported as not found, never as forbidden, so that its existence does not
 * leak.
 */
public final class AccessPolicy {
  /** Creates the policy. */
  public AccessPolicy() {}

  /**
   * @param member the reader
   * @param space the space
   * @return whether the member may read the space and its content
   */
  public boolean canRead(Member member, Space space) {
    if (isModerator(member)) {
      return true;
    }
    return switch (space.visibility()) {
      case PUBLIC -> true;
      case RESTRICTED -> !Collections.disjoint(member.profile().roles(), space.accessRoles());
      case PRIVATE -> false;
    };
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
