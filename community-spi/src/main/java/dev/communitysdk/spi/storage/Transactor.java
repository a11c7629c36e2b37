package dev.communitysdk.spi.storage;

import java.util.function.Supplier;

/**
 * Runs work in one storage transaction. Core calls it once per command; stores called inside join the transaction.
 *
 * <p>A nested call joins the outer transaction. When the work throws, everything it wrote is rolled back and the
 * exception propagates unchanged (adapter failures as {@link dev.communitysdk.spi.error.StorageException}s). The
 * transactor does not retry: core decides that. Thread-safe; each thread has its own transaction.
 */
public interface Transactor {
  /**
   * @param work the work to run; its stores' calls join this transaction
   * @param <T> the work's result
   * @return what the work returned, after commit
   */
  <T> T inTransaction(Supplier<T> work);

  /** @param work the work to run in one transaction */
  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
