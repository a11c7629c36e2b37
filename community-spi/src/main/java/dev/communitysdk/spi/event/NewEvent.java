package dev.communitysdk.spi.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.spi.model.MemberId;

/**
 * An event to append to the outbox in the command's transaction. The fields mean what they mean on
 * {@link CommunityEvent}.
 *
 * @param type the event type
 * @param schemaVersion the payload's JSON shape version
 * @param aggregateType the kind of aggregate that changed
 * @param aggregateId the id of the aggregate that changed
 * @param payload the event's fields as a JSON object
 * @param occurredAt when the change happened
 * @param memberId the member whose data the payload carries (an author, a voter, a joining user), if any: indexed,
 *     so that erasing the member finds the events still to deliver that mention them
 */
public record NewEvent(
    String type, int schemaVersion, String aggregateType, long aggregateId, String payload, Instant occurredAt,
    Optional<MemberId> memberId) {
  /** Checks the fields. */
  public NewEvent {
    requireNonNull(type, "type");
    requireNonNull(aggregateType, "aggregateType");
    requireNonNull(payload, "payload");
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(memberId, "memberId");
  }

  /** An event that mentions no member. */
  public NewEvent(
      String type, int schemaVersion, String aggregateType, long aggregateId, String payload, Instant occurredAt) {
    this(type, schemaVersion, aggregateType, aggregateId, payload, occurredAt, Optional.empty());
  }
}
