package dev.communitysdk.core.event;

import org.jspecify.annotations.Nullable;

/** Events of the member aggregate. */
public sealed interface MemberEvent extends DomainEvent {
  /** @return the member */
  long memberId();

  @Override
  default String aggregateType() {
    return "member";
  }

  @Override
  default long aggregateId() {
    return memberId();
  }

  @Override
  default Long mentionedMember() {
    return memberId();
  }

  /**
   * A host user was seen for the first time and became a member.
   *
   * @param memberId the new member
   * @param userId the host user id
   */
  record Joined(long memberId, String userId) implements MemberEvent {
    @Override
    public String type() {
      return "member.joined";
    }
  }

  /**
   * The host's profile of the member changed (name, roles, account...).
   *
   * @param memberId the member
   */
  record ProfileChanged(long memberId) implements MemberEvent {
    @Override
    public String type() {
      return "member.profile-changed";
    }
  }

  /**
   * The host no longer knows the user; the member can no longer act.
   *
   * @param memberId the member
   */
  record Deactivated(long memberId) implements MemberEvent {
    @Override
    public String type() {
      return "member.deactivated";
    }
  }

  /**
   * The host knows a deactivated member's user again; the member can act again.
   *
   * @param memberId the member
   */
  record Reactivated(long memberId) implements MemberEvent {
    @Override
    public String type() {
      return "member.reactivated";
    }
  }

  /**
   * The member was erased: their profile holds no personal data any more, and their content shows as a former
   * member's, or was deleted.
   *
   * @param memberId the member
   * @param mode {@code KEEP_CONTENT} or {@code DELETE_CONTENT}
   */
  record Erased(long memberId, String mode) implements MemberEvent {
    @Override
    public String type() {
      return "member.erased";
    }
  }

  /**
   * The member earned a badge.
   *
   * @param memberId the member
   * @param badge the badge id
   * @param tier its tier
   * @param subject what it was earned for, or empty
   */
  record BadgeAwarded(long memberId, String badge, String tier, String subject) implements MemberEvent {
    @Override
    public String type() {
      return "badge.awarded";
    }
  }

  /**
   * A moderator sanctioned the member.
   *
   * @param memberId the member
   * @param sanctionId the sanction
   * @param kind {@code SILENCE}, {@code SUSPEND} or {@code BAN}
   * @param moderatorId the moderator
   * @param endsAt when it ends by itself (ISO-8601), or null until lifted
   * @param reason the moderator's reason
   */
  record Sanctioned(long memberId, long sanctionId, String kind, long moderatorId, @Nullable String endsAt,
      String reason) implements MemberEvent {
    @Override
    public String type() {
      return "member.sanctioned";
    }
  }

  /**
   * A moderator lifted the member's sanctions in force.
   *
   * @param memberId the member
   * @param moderatorId the moderator
   * @param sanctions how many sanctions were lifted
   * @param reason the moderator's reason
   */
  record SanctionsLifted(long memberId, long moderatorId, int sanctions, String reason) implements MemberEvent {
    @Override
    public String type() {
      return "member.sanctions-lifted";
    }
  }
}
