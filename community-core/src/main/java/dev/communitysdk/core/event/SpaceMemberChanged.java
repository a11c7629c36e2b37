package dev.communitysdk.core.event;

/**
 * An admin added a member to a private space, or removed one.
 *
 * @param spaceId the space
 * @param memberId the member added or removed
 * @param added true when added, false when removed
 * @param adminId the admin who did it
 */
public record SpaceMemberChanged(long spaceId, long memberId, boolean added, long adminId) implements DomainEvent {
  @Override
  public String type() {
    return added ? "space.member-added" : "space.member-removed";
  }

  @Override
  public String aggregateType() {
    return "space";
  }

  @Override
  public long aggregateId() {
    return spaceId;
  }
}
