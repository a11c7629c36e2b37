package dev.communitysdk.spi.error;

import org.jspecify.annotations.Nullable;

/** The storage adapter failed. Wraps the underlying cause; nothing of the failed transaction was committed. */
public class StorageException extends CommunityException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what the store was doing
   * @param cause the adapter's own failure
   */
  public StorageException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
