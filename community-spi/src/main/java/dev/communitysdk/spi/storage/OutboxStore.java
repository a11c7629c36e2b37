package dev.communitysdk.spi.storage;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;

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
}
