package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.storage.ClaimedEvent;
import dev.communitysdk.spi.storage.OutboxStore;

/**
 * The relay side of {@link OutboxStore}: claims with a lease, in order per aggregate, failures with backoff, dead
 * letters and replay, and concurrent claimers that never share an event. Extend it with a fresh-store factory.
 */
public abstract class OutboxRelayStoreContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Instant NOW = at(100);

  /** For adapters' tests. */
  protected OutboxRelayStoreContract() {}

  @Test
  void claimsTheEarliestUndeliveredEventOfEachAggregateOnly() {
    CommunityEvent a1 = append("topic", 1);
    CommunityEvent a2 = append("topic", 1);
    CommunityEvent b1 = append("topic", 2);
    CommunityEvent c1 = append("post", 1);

    assertThat(claim("n1", NOW, 10)).containsExactly(a1, b1, c1);
    assertThat(claim("n2", NOW, 10)).as("a1 is leased, so a2 waits").isEmpty();
    assertThat(outbox().markDelivered(a1.id(), "n2", NOW)).as("n2 holds no claim on a1").isFalse();
    assertThat(outbox().markDelivered(a1.id(), "n1", NOW)).isTrue();
    assertThat(claim("n2", NOW, 10)).containsExactly(a2);
    assertThat(outbox().markDelivered(a1.id(), "n1", NOW)).as("delivered once").isFalse();
  }

  @Test
  void claimsAtMostTheLimit() {
    CommunityEvent first = append("topic", 1);
    CommunityEvent second = append("topic", 2);
    append("topic", 3);

    assertThat(claim("n1", NOW, 2)).containsExactly(first, second);
  }

  @Test
  void anExpiredLeaseIsClaimedByAnotherNode() {
    CommunityEvent event = append("topic", 1);
    assertThat(claim("dead-node", NOW, 10)).containsExactly(event);

    assertThat(claim("n2", NOW.plus(LEASE).minusSeconds(1), 10)).isEmpty();
    assertThat(claim("n2", NOW.plus(LEASE), 10)).containsExactly(event);
    assertThat(outbox().markDelivered(event.id(), "dead-node", NOW.plus(LEASE))).isFalse();
    assertThat(outbox().markDelivered(event.id(), "n2", NOW.plus(LEASE))).isTrue();
    assertThat(claim("n3", NOW.plus(LEASE.multipliedBy(3)), 10)).isEmpty();
  }

  @Test
  void aFailedEventIsDueAgainAfterItsBackoffAndCountsItsAttempts() {
    CommunityEvent event = append("topic", 1);
    CommunityEvent later = append("topic", 1);
    claim("n1", NOW, 10);

    assertThat(outbox().markFailed(event.id(), "n1", "boom", NOW.plusSeconds(10), false)).isTrue();
    assertThat(claim("n1", NOW.plusSeconds(9), 10)).as("not due yet, and it holds back the later event").isEmpty();
    List<ClaimedEvent> again = tx().inTransaction(() -> outbox().claim("n2", NOW.plusSeconds(10), LEASE, 10));
    assertThat(again).containsExactly(new ClaimedEvent(event, 1));
    assertThat(outbox().markFailed(event.id(), "n1", "boom", NOW, false)).as("n1 lost the claim").isFalse();
    assertThat(outbox().markDelivered(event.id(), "n2", NOW.plusSeconds(10))).isTrue();
    assertThat(claim("n2", NOW.plusSeconds(10), 10)).containsExactly(later);
  }

  @Test
  void aDeadEventIsListedHoldsBackItsAggregateAndIsReplayed() {
    CommunityEvent dead = append("topic", 1);
    CommunityEvent later = append("topic", 1);
    CommunityEvent other = append("topic", 2);
    claim("n1", NOW, 10);
    outbox().markDelivered(other.id(), "n1", NOW);
    assertThat(outbox().markFailed(dead.id(), "n1", "x".repeat(5000), NOW, true)).isTrue();

    assertThat(outbox().listDead(Optional.empty(), 10)).containsExactly(dead);
    assertThat(outbox().listDead(Optional.of(dead.id()), 10)).isEmpty();
    assertThat(claim("n1", NOW.plus(Duration.ofDays(365)), 10)).isEmpty();
    assertThat(outbox().replay(other.id(), NOW)).as("not dead").isFalse();

    assertThat(outbox().replay(dead.id(), NOW)).isTrue();
    assertThat(outbox().replay(dead.id(), NOW)).as("no longer dead").isFalse();
    assertThat(outbox().listDead(Optional.empty(), 10)).isEmpty();
    List<ClaimedEvent> replayed = tx().inTransaction(() -> outbox().claim("n1", NOW, LEASE, 10));
    assertThat(replayed).containsExactly(new ClaimedEvent(dead, 0));
    outbox().markDelivered(dead.id(), "n1", NOW);
    assertThat(claim("n1", NOW, 10)).containsExactly(later);
  }

  @Test
  void concurrentClaimersNeverShareAnEventAndKeepEachAggregatesOrder() throws Exception {
    int aggregates = 20;
    int perAggregate = 5;
    tx().run(() -> {
      for (int i = 0; i < perAggregate; i++) {
        for (int a = 1; a <= aggregates; a++) {
          append("topic", a);
        }
      }
    });
    int total = aggregates * perAggregate;
    List<CommunityEvent> claimed = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger delivered = new AtomicInteger();

    Queue<Throwable> failures = runConcurrently(thread -> {
      String node = "node-" + thread;
      for (int round = 0; round < 10 * total && delivered.get() < total; round++) {
        List<ClaimedEvent> batch = withTransientRetry(() -> tx().inTransaction(
            () -> outbox().claim(node, NOW, LEASE, 3)));
        batch.forEach(c -> claimed.add(c.event()));
        for (ClaimedEvent c : batch) {
          if (withTransientRetry(() -> tx().inTransaction(
              () -> outbox().markDelivered(c.event().id(), node, NOW)))) {
            delivered.incrementAndGet();
          }
        }
        if (batch.isEmpty()) {
          sleep(1);
        }
      }
    });

    assertThat(failures).isEmpty();
    assertThat(claimed).as("every event claimed exactly once").hasSize(total).doesNotHaveDuplicates();
    assertThat(delivered.get()).isEqualTo(total);
    Map<Long, List<Long>> idsPerAggregate = claimed.stream().collect(Collectors.groupingBy(
        CommunityEvent::aggregateId, Collectors.mapping(e -> e.id().value(), Collectors.toList())));
    idsPerAggregate.values().forEach(ids -> assertThat(ids).as("claim order of one aggregate").isSorted());
  }

  private OutboxStore outbox() {
    return store().outbox();
  }

  private CommunityEvent append(String aggregateType, long aggregateId) {
    return tx().inTransaction(() -> outbox().append(
        new NewEvent("test.happened", 1, aggregateType, aggregateId, "{}", at(1))));
  }

  private List<CommunityEvent> claim(String node, Instant now, int limit) {
    return tx().inTransaction(() -> outbox().claim(node, now, LEASE, limit)).stream()
        .map(ClaimedEvent::event)
        .toList();
  }
}
