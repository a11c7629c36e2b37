package dev.communitysdk.spi.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import dev.communitysdk.spi.model.EventId;

/**
 * A stored domain event: what changed, to which aggregate, as versioned JSON. Receivers dedupe by {@link #id()}, which
 * is also the idempotency key of every delivery.
 *
 * @param id the store's id; increases in commit order per aggregate
 * @param type the event type, such as {@code "post.created"}
 * @param schemaVersion the version of the payload's JSON shape for this type
 * @param aggregateType the kind of aggregate that changed, such as {@code "topic"}
 * @param aggregateId the id of the aggregate that changed
 * @param payload the event's fields as a JSON object
 * @param occurredAt when the change happened
 */
public record CommunityEvent(
    EventId id, String type, int schemaVersion, String aggregateType, long aggregateId, String payload,
    Instant occurredAt) {
  /** Checks the fields. */
  public CommunityEvent {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(aggregateType, "aggregateType");
    requireNonNull(payload, "payload");
    requireNonNull(occurredAt, "occurredAt");
  }

  /** @return the idempotency key receivers dedupe by: the event id as text */
  public String idempotencyKey() {
    return "community-event-" + id.value();
  }
}
