package dev.communitysdk.spi.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the audit log: who did what to whom, when and why. Rows are append-only; only a member's erasure rewrites
 * the {@link #detail()} of the rows that name them, so that no personal data outlives the erasure.
 *
 * @param id the store's id, increasing in append order
 * @param actorId the member who acted (a moderator revealing an author, an admin erasing a member)
 * @param action what was done, such as {@code "author.reveal"} or {@code "member.erase"}
 * @param subjectId the member the action was about, if any
 * @param targetType the kind of thing acted on, such as {@code "post"}, if any
 * @param targetId the id of the thing acted on, if any
 * @param detail the reason or detail the actor gave; may be empty
 * @param at when it happened
 */
public record AuditEntry(
    long id, MemberId actorId, String action, Optional<MemberId> subjectId, Optional<String> targetType,
    Optional<Long> targetId, String detail, Instant at) {
  /** Checks the fields. */
  public AuditEntry {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    NewAuditEntry.check(actorId, action, subjectId, targetType, targetId, detail, at);
  }
}
