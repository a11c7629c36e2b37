package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A flag to store, open. The fields mean what they mean on {@link Flag}.
 *
 * @param postId the flagged post
 * @param flaggerId who flags it
 * @param reason why
 * @param note the flagger's words, if any
 * @param weight what the flag counts towards hiding the post, at least 0
 * @param createdAt when
 */
public record NewFlag(
    PostId postId, MemberId flaggerId, FlagReason reason, Optional<String> note, int weight, Instant createdAt) {
  /** The longest note a store must keep. */
  public static final int MAX_NOTE = 500;

  /** Checks the fields. */
  public NewFlag {
    requireNonNull(postId, "postId");
    requireNonNull(flaggerId, "flaggerId");
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    note.ifPresent(text -> {
      Checks.notBlank(text, "note");
      if (text.length() > MAX_NOTE) {
        throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters");
      }
    });
    Checks.nonNegative(weight, "weight");
    Checks.instant(createdAt, "createdAt");
  }
}
