package dev.communitysdk.core.event;

/**
 * A space was created.
 *
 * @param spaceId the space
 * @param slug its slug
 * @param kind its kind
 * @param visibility who may read it
 */
public record SpaceCreated(long spaceId, String slug, String kind, String visibility) implements DomainEvent {
  @Override
  public String type() {
    return "space.created";
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
