package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.ClaimedEvent;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PageLimit;

/**
 * Events by id with their relay state. Transactions are serialized, so append order, id order and commit order are
 * one order, and two claims never overlap.
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
      events.put(stored.id().value(), Row.pending(stored, event.memberId()));
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
        .filter(row -> row.member().equals(member) && row.status() != Status.DELIVERED)
        .limit(limit)
        .map(Row::event)
        .toList());
  }

  @Override
  public boolean replaceUndeliveredPayload(EventId id, String payload) {
    requireNonNull(id, "id");
    requireNonNull(payload, "payload");
    return transactor.inTransaction(() -> events.update(id.value(), row -> row.status() != Status.DELIVERED, row -> {
      CommunityEvent e = row.event();
      return row.withEvent(new CommunityEvent(e.id(), e.type(), e.schemaVersion(), e.aggregateType(),
          e.aggregateId(), payload, e.occurredAt()));
    }));
  }

  @Override
  public List<ClaimedEvent> claim(String nodeId, Instant now, Duration lease, int limit) {
    requireNonNull(nodeId, "nodeId");
    requireNonNull(now, "now");
    requireNonNull(lease, "lease");
    PageLimit.check(limit, MAX_PAGE);
    Instant leaseUntil = now.plus(lease);
    return transactor.inTransaction(() -> {
      Set<String> blocked = new HashSet<>();
      List<ClaimedEvent> claimed = new ArrayList<>();
      for (Row row : List.copyOf(events.rows())) {
        if (claimed.size() == limit) {
          break;
        }
        if (row.status() == Status.DELIVERED || !blocked.add(row.aggregate())) {
          continue;
        }
        if (row.deliverableAt(now)) {
          events.put(row.event().id().value(), row.claimedBy(nodeId, leaseUntil));
          claimed.add(new ClaimedEvent(row.event(), row.failedAttempts()));
        }
      }
      return claimed;
    });
  }

  @Override
  public boolean markDelivered(EventId id, String nodeId, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> events.update(id.value(), row -> row.heldBy(nodeId),
        row -> new Row(row.event(), row.member(), Status.DELIVERED, row.failedAttempts(), row.nextAttemptAt(),
            Optional.empty(), Optional.empty())));
  }

  @Override
  public boolean markFailed(EventId id, String nodeId, String error, Instant nextAttemptAt, boolean dead) {
    requireNonNull(id, "id");
    requireNonNull(nodeId, "nodeId");
    requireNonNull(error, "error");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    return transactor.inTransaction(() -> events.update(id.value(), row -> row.heldBy(nodeId),
        row -> new Row(row.event(), row.member(), dead ? Status.DEAD : Status.PENDING, row.failedAttempts() + 1,
            Optional.of(nextAttemptAt), Optional.empty(), Optional.empty())));
  }

  @Override
  public List<CommunityEvent> listDead(Optional<EventId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    long afterId = after.map(EventId::value).orElse(0L);
    return transactor.inTransaction(() -> events.after(afterId).stream()
        .filter(row -> row.status() == Status.DEAD)
        .limit(limit)
        .map(Row::event)
        .toList());
  }

  @Override
  public boolean replay(EventId id, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> events.update(id.value(), row -> row.status() == Status.DEAD,
        row -> new Row(row.event(), row.member(), Status.PENDING, 0, Optional.of(at), Optional.empty(),
            Optional.empty())));
  }

  /** Where an event is on its way out. */
  private enum Status {
    PENDING,
    DELIVERED,
    DEAD
  }

  /** An event, the member it was appended for, and its relay state. */
  private record Row(CommunityEvent event, Optional<MemberId> member, Status status, int failedAttempts,
      Optional<Instant> nextAttemptAt, Optional<String> claimedBy, Optional<Instant> leaseUntil) {
    static Row pending(CommunityEvent event, Optional<MemberId> member) {
      return new Row(event, member, Status.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    String aggregate() {
      return event.aggregateType() + "/" + event.aggregateId();
    }

    boolean deliverableAt(Instant now) {
      return status == Status.PENDING
          && nextAttemptAt.map(next -> !next.isAfter(now)).orElse(true)
          && leaseUntil.map(until -> !until.isAfter(now)).orElse(true);
    }

    boolean heldBy(String nodeId) {
      return status == Status.PENDING && claimedBy.equals(Optional.of(nodeId));
    }

    Row claimedBy(String nodeId, Instant until) {
      return new Row(event, member, status, failedAttempts, nextAttemptAt, Optional.of(nodeId), Optional.of(until));
    }

    Row withEvent(CommunityEvent changed) {
      return new Row(changed, member, status, failedAttempts, nextAttemptAt, claimedBy, leaseUntil);
    }
  }
}
