package dev.communitysdk.spi.error;

import static java.util.Objects.requireNonNull;

/** The acting member may not do this. Says which action and why, such as a reputation threshold. */
public final class PermissionDeniedException extends CommunityException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final String reason;

  /**
   * @param action the action that was denied, such as {@code "vote.up"}
   * @param reason why, as a sentence such as {@code "needs reputation 15, has 1"}
   */
  public PermissionDeniedException(String action, String reason) {
    super(requireNonNull(action, "action") + " denied: " + requireNonNull(reason, "reason"));
    this.action = action;
    this.reason = reason;
  }

  /** @return the action that was denied */
  public String action() {
    return action;
  }

  /** @return why it was denied */
  public String reason() {
    return reason;
  }
}
