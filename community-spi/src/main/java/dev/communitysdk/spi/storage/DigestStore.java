package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.model.PendingDigest;
import dev.communitysdk.spi.model.QueuedNotification;

/**
 * The notifications kept for members who read digests. A notification is open until it is sealed into a digest; a
 * digest is pending until it is marked sent, and its items never change once sealed, so that sending it again sends
 * the same thing. Thread-safe; every call joins the caller's transaction.
 */
public interface DigestStore {
  /** The largest page a listing serves. */
  int MAX_PAGE = 1000;

  /**
   * @param idempotencyKey a notification's key
   * @return whether a notification with that key is kept, sent or not
   */
  boolean contains(String idempotencyKey);

  /**
   * @param item the notification to keep, open; its member must exist
   * @return the stored notification
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if a notification with its key is kept already
   */
  QueuedNotification enqueue(NotificationItem item);

  /**
   * One page of the members who have open notifications, by member id.
   *
   * @param after the previous page's last member, if any
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return at most {@code limit} members with ids above {@code after}
   */
  List<MemberId> membersWithOpen(Optional<MemberId> after, int limit);

  /**
   * Seals every open notification of the member into a new pending digest. Two callers sealing at once never seal
   * one notification twice: the later one finds nothing open, and creates no digest.
   *
   * @param memberId the recipient
   * @param at when
   * @return the new digest, or empty when the member had no open notification
   */
  Optional<PendingDigest> seal(MemberId memberId, Instant at);

  /**
   * One page of the digests not yet marked sent, in id order.
   *
   * @param afterId the previous page's last digest, if any
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return at most {@code limit} pending digests with ids above {@code afterId}
   */
  List<PendingDigest> listPending(Optional<Long> afterId, int limit);

  /**
   * @param digestId a digest
   * @return all its notifications, in id order; empty for an unknown digest
   */
  List<QueuedNotification> items(long digestId);

  /**
   * Marks a pending digest and its notifications sent.
   *
   * @param digestId the digest
   * @param at when
   * @return whether the digest was pending
   */
  boolean markSent(long digestId, Instant at);

  /**
   * One page of a member's notifications not yet sent, open or sealed, in id order.
   *
   * @param memberId the recipient
   * @param afterId the previous page's last notification, if any
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return at most {@code limit} unsent notifications with ids above {@code afterId}
   */
  List<QueuedNotification> listUnsent(MemberId memberId, Optional<Long> afterId, int limit);

  /**
   * Deletes every notification kept for a member, sent or not, and their digests, as erasing the member requires.
   *
   * @param memberId the recipient
   * @return how many notifications were deleted
   */
  int deleteByMember(MemberId memberId);
}
