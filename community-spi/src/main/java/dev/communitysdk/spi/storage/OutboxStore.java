package dev.communitysdk.spi.storage;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;

/**
 * The transactional outbox: events appended in the same transaction as the change they describe. Ids increase in
 * append order. Thread-safe; every call joins the caller's transaction.
 */
public interface OutboxStore {
  /**
   * @param event the event to append
   * @return the stored event with its new id
   */
  CommunityEvent append(NewEvent event);

  /**
   * @param after the last event already read, or empty to start from the first
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} events with ids above {@code after}, in id order
   */
  List<CommunityEvent> listAfter(Optional<EventId> after, int limit);

  /**
   * The events appended with {@link NewEvent#memberId()} set to the member that no relay has delivered yet, so that
   * erasing the member can scrub them. Delivered events have left and stay as they are.
   *
   * @param memberId the member the events were appended for
   * @param after the last event of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} such events with ids above {@code after}, in id order
   */
  List<CommunityEvent> listUndeliveredByMember(MemberId memberId, Optional<EventId> after, int limit);

  /**
   * Replaces the payload of an event no relay has delivered yet; for erasure only.
   *
   * @param id the event
   * @param payload the new payload, a JSON object
   * @return whether the event exists and was still undelivered
   */
  boolean replaceUndeliveredPayload(EventId id, String payload);
}
