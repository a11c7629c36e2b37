package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.spi.storage.Transactor;

/**
 * Serializes transactions with one lock per store and undoes a failed transaction's writes from a log.
 *
 * <p>Serializing is the simplest isolation that is obviously correct for a reference implementation: a transaction
 * sees every committed write and nobody else's uncommitted ones, and counter updates can never be lost. A database
 * adapter gets the same guarantees from row locks instead.
 */
final class InMemoryTransactor implements Transactor {
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<@Nullable Deque<Runnable>> undoLog = new ThreadLocal<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    requireNonNull(work, "work");
    if (undoLog.get() != null) {
      // A nested call joins the outer transaction: its writes commit or roll back with the outer ones.
      return work.get();
    }
    lock.lock();
    Deque<Runnable> undo = new ArrayDeque<>();
    undoLog.set(undo);
    boolean committed = false;
    try {
      T result = work.get();
      committed = true;
      return result;
    } finally {
      // A finally block (not catch and rethrow) lets the work's exception, checked or not, propagate unchanged.
      try {
        if (!committed) {
          undo.forEach(Runnable::run);
        }
      } finally {
        undoLog.remove();
        lock.unlock();
      }
    }
  }

  /**
   * Records how to undo a write the current transaction just made.
   *
   * @throws IllegalStateException if the calling thread runs no transaction: a store bug, since every store call
   *     opens or joins one
   */
  void onRollback(Runnable undo) {
    Deque<Runnable> log = undoLog.get();
    if (log == null) {
      throw new IllegalStateException("in-memory writes must run inside a transaction");
    }
    // Pushed at the head, so that rollback undoes the newest write first.
    log.push(undo);
  }
}
