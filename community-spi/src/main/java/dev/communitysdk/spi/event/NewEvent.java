package dev.communitysdk.spi.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

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
 */
public record NewEvent(
    String type, int schemaVersion, String aggregateType, long aggregateId, String payload, Instant occurredAt) {
  /** Checks the fields. */
  public NewEvent {
    requireNonNull(type, "type");
    requireNonNull(aggregateType, "aggregateType");
    requireNonNull(payload, "payload");
    requireNonNull(occurredAt, "occurredAt");
  }
}
