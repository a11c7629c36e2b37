package dev.communitysdk.core.relay;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.storage.ClaimedEvent;
import dev.communitysdk.spi.storage.OutboxStore;

/**
 * Delivers committed domain events from the outbox to the host's {@link CommunityEventListener}s: at least once, in
 * order per aggregate, retried with exponential backoff, dead after {@link RelaySettings#maxAttempts()} failures.
 * Receivers dedupe by {@link CommunityEvent#idempotencyKey()}. Every host node sharing a database may run a relay:
 * nodes claim events with a lease, so no event is delivered by two nodes at once, and the events of a node that died
 * are delivered by another after the lease expires.
 *
 * <p>Hosts with their own scheduler call {@link #drainOnce()} (and the periodic chores, such as
 * {@code Community.escalations().escalateOverdue()}, themselves); others call {@link #start()} for a daemon thread that
 * runs the chores and drains every {@link RelaySettings#pollInterval()} until {@link #stop()} or
 * {@code Community.close()}. Thread-safe.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int MAX_DEAD_PAGE = 1000;

  private final CommunityContext context;
  private final List<CommunityEventListener> listeners;
  private final List<Runnable> chores;
  private final RelaySettings settings;
  private final Object lock = new Object();
  private @Nullable Thread worker;
  private boolean stopping;

  /**
   * Not API: reached through {@code Community.relay()}.
   *
   * @param context the community's shared services
   * @param listeners the delivery targets, in call order
   * @param chores what the background thread runs before each drain, in order, such as escalating overdue questions
   * @param settings how to claim, retry and give up
   */
  public OutboxRelay(
      CommunityContext context, List<CommunityEventListener> listeners, List<Runnable> chores,
      RelaySettings settings) {
    this.context = requireNonNull(context, "context");
    this.listeners = List.copyOf(listeners);
    this.chores = List.copyOf(chores);
    this.settings = requireNonNull(settings, "settings");
  }

  /** @return the settings this relay runs with */
  public RelaySettings settings() {
    return settings;
  }

  /**
   * Delivers every event that is due now, batch after batch, until no event is deliverable: each claimed event goes
   * to every listener in turn; when one throws, the event counts a failed attempt and is due again after the backoff
   * (the listeners that took it get it again then).
   *
   * @return how many events this call delivered
   */
  public int drainOnce() {
    int delivered = 0;
    while (true) {
      List<ClaimedEvent> batch = context.commands().run("relay.claim", () -> outbox().claim(
          settings.nodeId(), context.commands().now(), settings.lease(), settings.batchSize()));
      if (batch.isEmpty()) {
        return delivered;
      }
      for (ClaimedEvent claimed : batch) {
        if (deliver(claimed)) {
          delivered++;
        }
      }
    }
  }

  private boolean deliver(ClaimedEvent claimed) {
    CommunityEvent event = claimed.event();
    try {
      for (CommunityEventListener listener : listeners) {
        listener.onEvent(event);
      }
    } catch (RuntimeException e) {
      int failed = claimed.failedAttempts() + 1;
      boolean dead = failed >= settings.maxAttempts();
      Instant next = context.commands().now().plus(settings.backoff(failed));
      String error = e.getClass().getName() + ": " + e.getMessage();
      LOG.warn("Delivering event {} failed (attempt {}{})", event.id().value(), failed, dead ? ", now dead" : "", e);
      context.commands().run("relay.fail",
          () -> outbox().markFailed(event.id(), settings.nodeId(), error, next, dead));
      return false;
    }
    boolean held = context.commands().run("relay.deliver",
        () -> outbox().markDelivered(event.id(), settings.nodeId(), context.commands().now()));
    if (!held) {
      LOG.warn("Event {} was delivered after this node's lease expired; another node delivers it again",
          event.id().value());
    }
    return held;
  }

  /**
   * Starts the background thread, a daemon named after the node, that runs the chores and calls {@link #drainOnce()}
   * every poll interval, and logs what fails. Does nothing if it runs already.
   */
  public void start() {
    synchronized (lock) {
      if (worker != null) {
        return;
      }
      stopping = false;
      Thread thread = new Thread(this::poll, "community-outbox-relay-" + settings.nodeId());
      thread.setDaemon(true);
      worker = thread;
      thread.start();
    }
  }

  /**
   * Stops the background thread, letting a drain in progress finish first, and waits for it to end. Does nothing if
   * it does not run.
   */
  public void stop() {
    Thread thread;
    synchronized (lock) {
      thread = worker;
      if (thread == null) {
        return;
      }
      stopping = true;
      worker = null;
      lock.notifyAll();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** @return whether the background thread runs */
  public boolean running() {
    synchronized (lock) {
      return worker != null;
    }
  }

  private void poll() {
    while (true) {
      synchronized (lock) {
        if (stopping) {
          return;
        }
      }
      for (Runnable chore : chores) {
        try {
          chore.run();
        } catch (RuntimeException e) {
          LOG.warn("A relay chore failed; trying again after the poll interval", e);
        }
      }
      try {
        drainOnce();
      } catch (RuntimeException e) {
        LOG.warn("Draining the outbox failed; trying again after the poll interval", e);
      }
      synchronized (lock) {
        if (stopping) {
          return;
        }
        try {
          lock.wait(Math.max(1, settings.pollInterval().toMillis()));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /**
   * Lists the dead events: those whose delivery failed {@link RelaySettings#maxAttempts()} times. A dead event holds
   * back the later events of its aggregate until it is replayed.
   *
   * @param actor an admin
   * @param after the last event of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} dead events after {@code after}, in id order
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   */
  public List<CommunityEvent> deadLetters(Actor actor, Optional<EventId> after, int limit) {
    requireNonNull(after, "after");
    int checked = InputRules.pageSize("limit", limit, MAX_DEAD_PAGE);
    return context.commands().run("relay.deadLetters", () -> {
      context.policy().requireAdmin(context.reader(actor), "relay.deadLetters");
      return outbox().listDead(after, checked);
    });
  }

  /**
   * Makes a dead event deliverable again at once, with a fresh count of attempts, and records the replay in the audit
   * log ({@code event.replay}, target {@code event}).
   *
   * @param actor an admin
   * @param id the dead event
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if no dead event has the id
   */
  public void replay(Actor actor, EventId id) {
    requireNonNull(id, "id");
    context.commands().run("relay.replay", () -> {
      Member admin = context.reader(actor);
      context.policy().requireAdmin(admin, "relay.replay");
      if (!outbox().replay(id, context.commands().now())) {
        throw new NotFoundException("dead event", id.value());
      }
      context.audit().record(admin, "event.replay", Optional.empty(), "event", id.value(), "");
      return null;
    });
  }

  private OutboxStore outbox() {
    return context.store().outbox();
  }
}
