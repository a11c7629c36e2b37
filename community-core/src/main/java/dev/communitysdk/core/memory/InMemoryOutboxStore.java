package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PageLimit;

/**
 * Events by id. Transactions are serialized, so append order, id order and commit order are one order. No relay
 * delivers from this store, so every event counts as undelivered.
 */
final class InMemoryOutboxStore implements OutboxStore {
  private static final int MAX_PAGE = 1000;

  private final InMemoryTransactor transactor;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Row> events;

  InMemoryOutboxStore(InMemoryTransactor transactor) {
    this.transactor = transactor;
    this.events = new Table<>(transactor);
  }

  @Override
  public CommunityEvent append(NewEvent event) {
    requireNonNull(event, "event");
    return transactor.inTransaction(() -> {
      CommunityEvent stored = new CommunityEvent(new EventId(ids.incrementAndGet()), event.type(),
          event.schemaVersion(), event.aggregateType(), event.aggregateId(), event.payload(), event.occurredAt());
      events.put(stored.id().value(), new Row(stored, event.memberId()));
      return stored;
    });
  }

  @Override
  public List<CommunityEvent> listAfter(Optional<EventId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    long afterId = after.map(EventId::value).orElse(0L);
    return transactor.inTransaction(() -> events.after(afterId).stream().limit(limit).map(Row::event).toList());
  }

  @Override
  public List<CommunityEvent> listUndeliveredByMember(MemberId memberId, Optional<EventId> after, int limit) {
    requireNonNull(memberId, "memberId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    long afterId = after.map(EventId::value).orElse(0L);
    Optional<MemberId> member = Optional.of(memberId);
    return transactor.inTransaction(() -> events.after(afterId).stream()
        .filter(row -> row.member().equals(member))
        .limit(limit)
        .map(Row::event)
        .toList());
  }

  @Override
  public boolean replaceUndeliveredPayload(EventId id, String payload) {
    requireNonNull(id, "id");
    requireNonNull(payload, "payload");
    return transactor.inTransaction(() -> events.update(id.value(), row -> true, row -> {
      CommunityEvent e = row.event();
      return new Row(new CommunityEvent(e.id(), e.type(), e.schemaVersion(), e.aggregateType(), e.aggregateId(),
          payload, e.occurredAt()), row.member());
    }));
  }

  /** An event and the member it was appended for. */
  private record Row(CommunityEvent event, Optional<MemberId> member) {}
}
