package dev.communitysdk.core.relay;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.UUID;

/**
 * How an {@link OutboxRelay} claims, retries and gives up. Start from {@link #defaults()} and change what differs.
 *
 * @param nodeId names this host node in claims; unique per node sharing a database, 1 to 255 characters; default a
 *     random {@code relay-<uuid>}
 * @param pollInterval the pause of the background thread between drains; default 1 second
 * @param lease how long a claim holds: a node that dies holding claims has its events delivered by another node once
 *     the lease expires; longer than the slowest delivery of a batch; default 1 minute
 * @param batchSize the most events claimed at once, 1 to 1000; default 100
 * @param backoffBase the wait after the first failed delivery, doubled after each further failure; default 1 second
 * @param backoffMax the longest wait between attempts; default 10 minutes
 * @param maxAttempts the attempts after which an event is dead, until an admin replays it; default 10
 */
public record RelaySettings(
    String nodeId, Duration pollInterval, Duration lease, int batchSize, Duration backoffBase, Duration backoffMax,
    int maxAttempts) {
  /** Checks the settings. */
  public RelaySettings {
    requireNonNull(nodeId, "nodeId");
    if (nodeId.isEmpty() || nodeId.length() > 255) {
      throw new IllegalArgumentException("nodeId must be 1 to 255 characters, was '" + nodeId + "'");
    }
    positive("pollInterval", pollInterval);
    positive("lease", lease);
    positive("backoffBase", backoffBase);
    positive("backoffMax", backoffMax);
    if (backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoffMax must not be below backoffBase");
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("batchSize must be 1 to 1000, was " + batchSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** @return the documented defaults, with a random node id */
  public static RelaySettings defaults() {
    return new RelaySettings("relay-" + UUID.randomUUID(), Duration.ofSeconds(1), Duration.ofMinutes(1), 100,
        Duration.ofSeconds(1), Duration.ofMinutes(10), 10);
  }

  /**
   * @param value see {@link #nodeId()}
   * @return a copy with it
   */
  public RelaySettings withNodeId(String value) {
    return new RelaySettings(value, pollInterval, lease, batchSize, backoffBase, backoffMax, maxAttempts);
  }

  /**
   * @param value see {@link #pollInterval()}
   * @return a copy with it
   */
  public RelaySettings withPollInterval(Duration value) {
    return new RelaySettings(nodeId, value, lease, batchSize, backoffBase, backoffMax, maxAttempts);
  }

  /**
   * @param value see {@link #lease()}
   * @return a copy with it
   */
  public RelaySettings withLease(Duration value) {
    return new RelaySettings(nodeId, pollInterval, value, batchSize, backoffBase, backoffMax, maxAttempts);
  }

  /**
   * @param value see {@link #batchSize()}
   * @return a copy with it
   */
  public RelaySettings withBatchSize(int value) {
    return new RelaySettings(nodeId, pollInterval, lease, value, backoffBase, backoffMax, maxAttempts);
  }

  /**
   * @param base see {@link #backoffBase()}
   * @param max see {@link #backoffMax()}
   * @return a copy with them
   */
  public RelaySettings withBackoff(Duration base, Duration max) {
    return new RelaySettings(nodeId, pollInterval, lease, batchSize, base, max, maxAttempts);
  }

  /**
   * @param value see {@link #maxAttempts()}
   * @return a copy with it
   */
  public RelaySettings withMaxAttempts(int value) {
    return new RelaySettings(nodeId, pollInterval, lease, batchSize, backoffBase, backoffMax, value);
  }

  /**
   * @param failedAttempts how many deliveries of the event failed, including the latest; at least 1
   * @return the wait before the next attempt: {@link #backoffBase()} doubled per earlier failure, at most
   *     {@link #backoffMax()}
   */
  Duration backoff(int failedAttempts) {
    int doublings = Math.min(failedAttempts - 1, 30);
    Duration wait = backoffBase.multipliedBy(1L << doublings);
    return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
  }

  private static void positive(String name, Duration value) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
