package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.WatchLevel;

/**
 * What members follow, at which level, and how they want their notifications delivered. At most one subscription per
 * (member, target) and one delivery preference per member. Thread-safe; every call joins the caller's transaction.
 */
public interface SubscriptionStore {
  /** The largest page a listing serves. */
  int MAX_PAGE = 1000;

  /**
   * @param memberId a member
   * @param target a target
   * @return the member's subscription to the target, if any
   */
  Optional<Subscription> find(MemberId memberId, SubscriptionTarget target);

  /**
   * @param memberId the follower; must exist
   * @param target what to follow
   * @param level how closely
   * @param at when
   * @return the stored subscription, with its new id
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the member follows the target already
   */
  Subscription insert(MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant at);

  /**
   * @param memberId the follower
   * @param target what is followed
   * @param level the new level
   * @param at when
   * @return whether the subscription existed
   */
  boolean updateLevel(MemberId memberId, SubscriptionTarget target, WatchLevel level, Instant at);

  /**
   * @param memberId the follower
   * @param target what is followed
   * @return whether a subscription was deleted
   */
  boolean delete(MemberId memberId, SubscriptionTarget target);

  /**
   * One page of a member's subscriptions, in id order.
   *
   * @param memberId the follower
   * @param afterId the id of the previous page's last subscription, if any
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return at most {@code limit} of the member's subscriptions with ids above {@code afterId}
   */
  List<Subscription> listByMember(MemberId memberId, Optional<Long> afterId, int limit);

  /**
   * One page of every member's subscriptions to any of the targets, in id order: who follows a topic, its space or
   * its tags.
   *
   * @param targets the targets, at most {@value #MAX_PAGE}; empty lists nothing
   * @param afterId the id of the previous page's last subscription, if any
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return at most {@code limit} subscriptions to the targets with ids above {@code afterId}
   */
  List<Subscription> listByTargets(Collection<SubscriptionTarget> targets, Optional<Long> afterId, int limit);

  /**
   * @param memberId a member
   * @return how the member chose to receive notifications, if they chose
   */
  Optional<NotificationDelivery> findDelivery(MemberId memberId);

  /**
   * Stores the member's choice, replacing any earlier one.
   *
   * @param memberId the member; must exist
   * @param delivery the choice
   * @param at when
   */
  void setDelivery(MemberId memberId, NotificationDelivery delivery, Instant at);

  /**
   * Forgets everything a member follows and their choice of delivery, as erasing the member requires.
   *
   * @param memberId the member
   * @return how many subscriptions were deleted
   */
  int deleteByMember(MemberId memberId);
}
