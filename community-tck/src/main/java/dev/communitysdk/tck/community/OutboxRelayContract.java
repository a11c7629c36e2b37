package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Community;
import dev.communitysdk.core.relay.OutboxRelay;
import dev.communitysdk.core.relay.RelaySettings;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.EventId;

/**
 * The outbox relay, through {@code Community.relay()}: events reach the listeners at least once and in order per
 * aggregate, through failures, retries, dead letters and replays, from several nodes sharing one store, including a
 * node that died holding claims.
 */
public abstract class OutboxRelayContract extends CommunityFixture {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final List<Community> nodes = new ArrayList<>();

  /** For adapters' tests. */
  protected OutboxRelayContract() {}

  @AfterEach
  void closeNodes() {
    nodes.forEach(Community::close);
  }

  @Test
  void eventsReachTheListenersOnceInOrderPerAggregate() {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    OutboxRelay relay = node(settings("n1"), first, second);
    writeSomeThreads(3);
    List<CommunityEvent> all = events();
    assertThat(perAggregate(all).values()).as("some aggregate has several events").anyMatch(ids -> ids.size() > 1);

    assertThat(relay.drainOnce()).isEqualTo(all.size());
    assertThat(relay.drainOnce()).as("nothing left").isZero();

    for (Recorder recorder : List.of(first, second)) {
      assertThat(recorder.delivered).containsExactlyInAnyOrderElementsOf(all);
      assertInOrderPerAggregate(recorder.delivered);
    }
    startTopic(bob, "One more relay topic");
    int before = first.delivered.size();
    assertThat(relay.drainOnce()).isEqualTo(events().size() - all.size());
    assertThat(first.delivered.subList(before, first.delivered.size()))
        .allMatch(event -> event.id().value() > all.get(all.size() - 1).id().value());
  }

  @Test
  void aListenerFailingOftenStillGetsEveryEventInOrder() {
    Random random = new Random(42);
    Recorder recorder = new Recorder();
    List<CommunityEvent> attempts = Collections.synchronizedList(new ArrayList<>());
    CommunityEventListener flaky = event -> {
      attempts.add(event);
      if (random.nextInt(100) < 30) {
        throw new IllegalStateException("listener down for " + event.idempotencyKey());
      }
      recorder.onEvent(event);
    };
    OutboxRelay relay = node(settings("n1").withMaxAttempts(100)
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), flaky);
    writeSomeThreads(4);
    List<CommunityEvent> all = events();

    for (int round = 0; round < 200 && recorder.delivered.size() < all.size(); round++) {
      relay.drainOnce();
      clock.advance(Duration.ofSeconds(30));
    }

    assertThat(attempts.size()).as("some deliveries failed").isGreaterThan(all.size());
    Set<String> effects = new HashSet<>();
    recorder.delivered.forEach(event -> effects.add(event.idempotencyKey()));
    assertThat(effects).as("deduped by idempotency key")
        .isEqualTo(all.stream().map(CommunityEvent::idempotencyKey).collect(Collectors.toSet()));
    assertThat(recorder.delivered).as("each event taken once").doesNotHaveDuplicates();
    assertInOrderPerAggregate(recorder.delivered);
    assertThat(relay.deadLetters(admin, Optional.empty(), 100)).isEmpty();
  }

  @Test
  void eventsDieAfterTheLastAttemptAndAdminsReplayThem() {
    AtomicBoolean down = new AtomicBoolean(true);
    Recorder recorder = new Recorder();
    OutboxRelay relay = node(settings("n1").withMaxAttempts(3)
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)), event -> {
          if (down.get()) {
            throw new IllegalStateException("down");
          }
          recorder.onEvent(event);
        });
    writeSomeThreads(2);
    List<CommunityEvent> all = events();
    List<CommunityEvent> heads = new ArrayList<>(all.stream()
        .collect(Collectors.toMap(OutboxRelayContract::aggregate, e -> e, (a, b) -> a.id().value() < b.id().value() ? a : b))
        .values());
    heads.sort((a, b) -> Long.compare(a.id().value(), b.id().value()));

    relay.drainOnce();
    assertThat(relay.deadLetters(admin, Optional.empty(), 100)).as("two attempts left").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    relay.drainOnce();
    assertThat(relay.deadLetters(admin, Optional.empty(), 100)).as("one attempt left").isEmpty();
    clock.advance(Duration.ofSeconds(2));
    relay.drainOnce();
    List<CommunityEvent> dead = relay.deadLetters(admin, Optional.empty(), 100);
    assertThat(dead).as("the third attempt was due after the capped backoff").containsExactlyElementsOf(heads);
    clock.advance(Duration.ofDays(1));
    assertThat(relay.drainOnce()).as("dead events hold back their aggregates").isZero();
    assertThat(relay.deadLetters(admin, Optional.of(dead.get(0).id()), 100)).isEqualTo(dead.subList(1, dead.size()));
    assertThatThrownBy(() -> relay.deadLetters(alice, Optional.empty(), 100))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> relay.replay(alice, dead.get(0).id())).isInstanceOf(PermissionDeniedException.class);
    assertThat(recorder.delivered).isEmpty();

    down.set(false);
    dead.forEach(event -> relay.replay(admin, event.id()));
    assertThatThrownBy(() -> relay.replay(admin, dead.get(0).id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> relay.replay(admin, new EventId(999_999))).isInstanceOf(NotFoundException.class);
    List<CommunityEvent> newestFirst = new ArrayList<>(dead);
    Collections.reverse(newestFirst);
    assertThat(community.audit().by(admin, admin.memberId(), Optional.empty(), 100))
        .as("every replay is audited, newest first")
        .extracting(AuditEntry::action, AuditEntry::targetType, AuditEntry::targetId)
        .containsExactlyElementsOf(newestFirst.stream()
            .map(event -> tuple("event.replay", Optional.of("event"), Optional.of(event.id().value())))
            .toList());
    assertThat(relay.drainOnce()).isEqualTo(all.size());
    assertThat(recorder.delivered).containsExactlyInAnyOrderElementsOf(all);
    assertInOrderPerAggregate(recorder.delivered);
    assertThat(relay.deadLetters(admin, Optional.empty(), 100)).isEmpty();
  }

  @Test
  void twoNodesDrainingAtOnceNeverDeliverAnEventTwice() throws InterruptedException {
    Recorder recorder = new Recorder();
    List<OutboxRelay> relays = List.of(node(settings("a").withBatchSize(2), recorder),
        node(settings("b").withBatchSize(2), recorder));
    writeSomeThreads(12);
    List<CommunityEvent> all = events();

    runConcurrently(2, relays, OutboxRelay::drainOnce);

    assertThat(recorder.overlaps).as("events delivered by two nodes at once").isEmpty();
    assertThat(recorder.delivered).containsExactlyInAnyOrderElementsOf(all);
    assertInOrderPerAggregate(recorder.delivered);
  }

  @Test
  void theEventsOfANodeThatDiedAreDeliveredAfterTheLeaseExpires() {
    writeSomeThreads(2);
    List<CommunityEvent> all = events();
    // A node claims every deliverable event and dies before delivering any.
    int claimed = store.transactor().inTransaction(
        () -> store.outbox().claim("dead-node", clock.instant(), LEASE, 1000)).size();
    assertThat(claimed).isPositive();
    Recorder recorder = new Recorder();
    OutboxRelay survivor = node(settings("survivor"), recorder);

    assertThat(survivor.drainOnce()).as("the dead node's lease still holds").isZero();
    clock.advance(LEASE.minusSeconds(1));
    assertThat(survivor.drainOnce()).isZero();
    clock.advance(Duration.ofSeconds(1));

    assertThat(survivor.drainOnce()).isEqualTo(all.size());
    assertThat(recorder.delivered).containsExactlyInAnyOrderElementsOf(all);
    assertInOrderPerAggregate(recorder.delivered);
  }

  @Test
  void theBackgroundThreadDeliversUntilTheCommunityCloses() throws InterruptedException {
    Recorder recorder = new Recorder();
    Community host = Community.builder().store(store).identity(identities).clock(clock)
        .relay(settings("bg").withPollInterval(Duration.ofMillis(10))).listener(recorder).build();
    OutboxRelay relay = host.relay();
    writeSomeThreads(2);
    List<CommunityEvent> all = events();

    relay.start();
    relay.start();
    assertThat(relay.running()).isTrue();
    for (int wait = 0; wait < 3000 && recorder.delivered.size() < all.size(); wait++) {
      Thread.sleep(10);
    }
    host.close();

    assertThat(relay.running()).isFalse();
    assertThat(recorder.delivered).containsExactlyInAnyOrderElementsOf(all);
    startTopic(alice, "After close");
    assertThat(relay.drainOnce()).as("drainOnce still works after stop").isEqualTo(events().size() - all.size());
  }

  /** Starts topics by alice with a reply by bob and an edit, so each topic has several events. */
  private void writeSomeThreads(int count) {
    for (int i = 0; i < count; i++) {
      ThreadView thread = startTopic(alice, "Relay topic " + i);
      community.posts().reply(bob, thread.topic().id(), "Reply " + i);
    }
  }

  private static RelaySettings settings(String nodeId) {
    return RelaySettings.defaults().withNodeId(nodeId).withLease(LEASE);
  }

  private OutboxRelay node(RelaySettings settings, CommunityEventListener... listeners) {
    Community.Builder builder = Community.builder().store(store).identity(identities).clock(clock).relay(settings);
    for (CommunityEventListener listener : listeners) {
      builder.listener(listener);
    }
    Community node = builder.build();
    nodes.add(node);
    return node.relay();
  }

  private static String aggregate(CommunityEvent event) {
    return event.aggregateType() + "/" + event.aggregateId();
  }

  private static Map<String, List<Long>> perAggregate(List<CommunityEvent> events) {
    return events.stream().collect(Collectors.groupingBy(OutboxRelayContract::aggregate,
        Collectors.mapping(event -> event.id().value(), Collectors.toList())));
  }

  private static void assertInOrderPerAggregate(List<CommunityEvent> delivered) {
    perAggregate(delivered).forEach((aggregate, ids) -> assertThat(ids).as("delivery order of " + aggregate).isSorted());
  }

  /** Records deliveries, and any event delivered while another delivery of it is under way. */
  private static final class Recorder implements CommunityEventListener {
    final List<CommunityEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    final Set<EventId> overlaps = ConcurrentHashMap.newKeySet();
    private final Set<EventId> inFlight = ConcurrentHashMap.newKeySet();

    @Override
    public void onEvent(CommunityEvent event) {
      if (!inFlight.add(event.id())) {
        overlaps.add(event.id());
      }
      Thread.yield();
      delivered.add(event);
      inFlight.remove(event.id());
    }
  }
}
