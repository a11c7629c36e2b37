package dev.communitysdk.spi.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.MemberId;

/**
 * The transactional outbox: events appended in the same transaction as the change they describe. Ids increase in
 * append order. Thread-safe; every call joins the caller's transaction.
 *
 * <p>Relay nodes share the outbox through claims with a lease. An event is <em>undelivered</em> until a node marks
 * it delivered; it is <em>dead</em> once delivery failed too often, and stays undelivered (and blocks the later
 * events of its aggregate) until an admin replays it. Per aggregate (type and id) events leave in id order: an event
 * is never claimed while an earlier event of its aggregate is undelivered.
 */
public interface OutboxStore {
  /**
   * @param event the event to append
   * @return the stored event with its new id
   */
  CommunityEvent append(NewEvent event);

  /**
   * @param after the last event already read, or empty to start from the first
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} events with ids above {@code after}, in id order
   */
  List<CommunityEvent> listAfter(Optional<EventId> after, int limit);

  /**
   * The events appended with {@link NewEvent#memberId()} set to the member that no relay has delivered yet, so that
   * erasing the member can scrub them. Delivered events have left and stay as they are.
   *
   * @param memberId the member the events were appended for
   * @param after the last event of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} such events with ids above {@code after}, in id order
   */
  List<CommunityEvent> listUndeliveredByMember(MemberId memberId, Optional<EventId> after, int limit);

  /**
   * Replaces the payload of an event no relay has delivered yet; for erasure only.
   *
   * @param id the event
   * @param payload the new payload, a JSON object
   * @return whether the event exists and was still undelivered
   */
  boolean replaceUndeliveredPayload(EventId id, String payload);

  /**
   * Claims deliverable events for a relay node: events that are neither delivered nor dead, whose next attempt is
   * due at {@code now}, that no lease holds at {@code now} (never claimed, or the lease of a node that died has
   * expired) and that are the earliest undelivered event of their aggregate. Two nodes claiming at once never get
   * the same event; a claimer skips rows another claimer is holding rather than waiting.
   *
   * @param nodeId the claiming node, 1 to 255 characters
   * @param now the current time
   * @param lease how long the claim holds, positive
   * @param limit the most events to claim, 1 to 1000
   * @return the claimed events in id order, at most one per aggregate
   */
  List<ClaimedEvent> claim(String nodeId, Instant now, Duration lease, int limit);

  /**
   * Marks a claimed event delivered.
   *
   * @param id the event
   * @param nodeId the node that claimed it
   * @param at when it was delivered
   * @return whether the node still held the claim; false if its lease expired and another node claimed the event
   */
  boolean markDelivered(EventId id, String nodeId, Instant at);

  /**
   * Records a failed delivery of a claimed event and releases the claim: the event counts one more failed attempt
   * and is due again at {@code nextAttemptAt}, or is dead.
   *
   * @param id the event
   * @param nodeId the node that claimed it
   * @param error what went wrong, cut to 4000 characters
   * @param nextAttemptAt when the event may be claimed again
   * @param dead whether to give up on the event until it is replayed
   * @return whether the node still held the claim
   */
  boolean markFailed(EventId id, String nodeId, String error, Instant nextAttemptAt, boolean dead);

  /**
   * @param after the last dead event of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} dead events with ids above {@code after}, in id order
   */
  List<CommunityEvent> listDead(Optional<EventId> after, int limit);

  /**
   * Gives a dead event a fresh start: it is due at {@code at} with no failed attempts.
   *
   * @param id the event
   * @param at when it may be claimed again
   * @return whether the event exists and was dead
   */
  boolean replay(EventId id, Instant at);
}
