package dev.communitysdk.spi.storage;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewAuditEntry;

/**
 * The audit log: an append-only record of privileged actions (reveals of anonymous authors, erasures, sanctions).
 * Entries are never deleted; the only change allowed is {@link #redact}, which a member's erasure uses to take their
 * personal data out of the details. Listings are keyset-paged newest first, by subject and by actor, each backed by an
 * index. Thread-safe; every call joins the caller's transaction.
 */
public interface AuditLog {
  /** The largest page a listing serves. */
  int MAX_LIMIT = 500;

  /**
   * @param entry the entry to append
   * @return the stored entry with its id, larger than every id appended before
   */
  AuditEntry append(NewAuditEntry entry);

  /**
   * @param subjectId the member the entries are about
   * @param beforeId the smallest entry id of the previous page, if any
   * @param limit the page size, 1 to {@value #MAX_LIMIT}
   * @return at most {@code limit} entries about the member with ids below {@code beforeId}, newest (highest id) first
   */
  List<AuditEntry> listBySubject(MemberId subjectId, Optional<Long> beforeId, int limit);

  /**
   * @param actorId the member who acted
   * @param beforeId the smallest entry id of the previous page, if any
   * @param limit the page size, 1 to {@value #MAX_LIMIT}
   * @return at most {@code limit} entries by the member with ids below {@code beforeId}, newest (highest id) first
   */
  List<AuditEntry> listByActor(MemberId actorId, Optional<Long> beforeId, int limit);

  /**
   * Replaces an entry's detail; for erasure only, which must leave no personal data behind.
   *
   * @param id the entry
   * @param detail the new detail, at most {@value NewAuditEntry#MAX_DETAIL} characters
   * @return whether the entry exists
   */
  boolean redact(long id, String detail);
}
