package dev.communitysdk.spi.error;

import static java.util.Objects.requireNonNull;

/**
 * The command conflicts with the current state: a stale version on an edit, a second vote, a closed topic. Retrying
 * the same command unchanged will fail the same way; the caller should reload and decide.
 */
public class ConflictException extends CommunityException {
  private static final long serialVersionUID = 1L;

  private final String rule;

  /**
   * @param rule the rule in conflict, such as {@code "topic.version"} or {@code "vote.once"}
   * @param message a sentence that says what conflicted
   */
  public ConflictException(String rule, String message) {
    super(message);
    this.rule = requireNonNull(rule, "rule");
  }

  /** @return the rule in conflict, such as {@code "vote.once"} */
  public String rule() {
    return rule;
  }
}
