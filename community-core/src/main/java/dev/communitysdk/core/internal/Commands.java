package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.storage.Transactor;

/**
 * Runs each command as one storage transaction, and retries the whole transaction when the store says a fresh
 * attempt may succeed. Not API.
 *
 * <p>Two failures are retried. A {@link TransientStorageException} (lost connection, deadlock, serialization failure)
 * is retried a few times with jittered exponential backoff. A {@link DuplicateKeyException} is retried once: it means
 * a concurrent command committed the row this one meant to insert, and the retry's own checks now see that row and
 * answer with a domain error instead. Commands never nest: a command run inside another joins it and leaves retrying
 * to the outer one, because a failed statement may have spoiled the shared transaction.
 */
public final class Commands {
  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
  private static final ThreadLocal<Boolean> RUNNING = ThreadLocal.withInitial(() -> false);

  private final Transactor transactor;
  private final Clock clock;
  private final int maxTransientAttempts;

  /**
   * @param transactor the store's transactor
   * @param clock the community's clock
   * @param maxTransientAttempts how many times a command is tried when the store keeps failing transiently
   */
  public Commands(Transactor transactor, Clock clock, int maxTransientAttempts) {
    this.transactor = requireNonNull(transactor, "transactor");
    this.clock = requireNonNull(clock, "clock");
    if (maxTransientAttempts < 1) {
      throw new IllegalArgumentException("maxTransientAttempts must be at least 1, was " + maxTransientAttempts);
    }
    this.maxTransientAttempts = maxTransientAttempts;
  }

  /**
   * Runs a command in one transaction, retrying as the class describes.
   *
   * @param name the command's name, for logs
   * @param work the command's body
   * @param <T> the command's result
   * @return what the command returned, after commit
   */
  public <T> T run(String name, Supplier<T> work) {
    if (RUNNING.get()) {
      return work.get();
    }
    RUNNING.set(true);
    try {
      return runWithRetries(name, work);
    } finally {
      RUNNING.set(false);
    }
  }

  private <T> T runWithRetries(String name, Supplier<T> work) {
    int transientFailures = 0;
    boolean duplicateRetried = false;
    while (true) {
      try {
        return transactor.inTransaction(work);
      } catch (TransientStorageException e) {
        transientFailures++;
        if (transientFailures >= maxTransientAttempts) {
          throw e;
        }
        LOG.debug("Command {} failed transiently (attempt {}), retrying", name, transientFailures, e);
        backOff(transientFailures);
      } catch (DuplicateKeyException e) {
        if (duplicateRetried) {
          throw e;
        }
        duplicateRetried = true;
        LOG.debug("Command {} lost a race on a unique key, retrying once", name, e);
      }
    }
  }

  private static void backOff(int failures) {
    long baseMicros = 2_000L << Math.min(failures, 6);
    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(
        ThreadLocalRandom.current().nextLong(baseMicros / 2, baseMicros + 1)));
  }

  /** @return the current time, truncated to microseconds so that every store keeps it exactly */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
