package dev.communitysdk.spi.error;

import org.jspecify.annotations.Nullable;

/** Root of every exception the SDK throws on purpose. Unchecked: callers catch what they can act on. */
public class CommunityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message a sentence that says what went wrong */
  public CommunityException(String message) {
    super(message);
  }

  /**
   * @param message a sentence that says what went wrong
   * @param cause the underlying failure, kept for diagnosis
   */
  public CommunityException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
