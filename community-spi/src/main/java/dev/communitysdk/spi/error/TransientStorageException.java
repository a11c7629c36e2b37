package dev.communitysdk.spi.error;

import org.jspecify.annotations.Nullable;

/**
 * A storage failure that a fresh attempt of the whole transaction may not meet: a lost connection, a deadlock, a
 * serialization failure. Core retries the command a bounded number of times before letting this escape.
 */
public final class TransientStorageException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what the store was doing
   * @param cause the adapter's own failure
   */
  public TransientStorageException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
