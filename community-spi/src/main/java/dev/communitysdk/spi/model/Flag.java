package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A member's report of a post to the moderators. One per flagger and post. Its weight is fixed when it is made; while
 * it is open, the weight counts towards hiding the post.
 *
 * @param id the store's id
 * @param postId the flagged post
 * @param flaggerId who flagged it
 * @param reason why
 * @param note the flagger's words, if any
 * @param weight what the flag counts towards hiding the post
 * @param outcome open, or what a moderator decided
 * @param createdAt when it was made
 * @param decidedBy the moderator who decided it, once decided
 * @param decidedAt when it was decided, once decided
 */
public record Flag(
    FlagId id, PostId postId, MemberId flaggerId, FlagReason reason, Optional<String> note, int weight,
    FlagOutcome outcome, Instant createdAt, Optional<MemberId> decidedBy, Optional<Instant> decidedAt) {
  /** Checks the fields: a flag is decided exactly when it names who decided it and when. */
  public Flag {
    requireNonNull(id, "id");
    requireNonNull(postId, "postId");
    requireNonNull(flaggerId, "flaggerId");
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    Checks.nonNegative(weight, "weight");
    requireNonNull(outcome, "outcome");
    Checks.instant(createdAt, "createdAt");
    requireNonNull(decidedBy, "decidedBy");
    requireNonNull(decidedAt, "decidedAt");
    boolean decided = outcome != FlagOutcome.OPEN;
    if (decidedBy.isPresent() != decided || decidedAt.isPresent() != decided) {
      throw new IllegalArgumentException("a " + outcome + " flag must " + (decided ? "" : "not ")
          + "name who decided it and when");
    }
  }
}
