package dev.communitysdk.core.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.storage.SubscriptionStore;

/**
 * Works out how closely each member follows a topic, from their settings on the topic, its space and its tags: the
 * topic's setting wins; without one, muting the space or any tag mutes the topic, and otherwise the closest of the
 * space and tag levels applies.
 */
final class WatchLevels {
  private final Map<MemberId, WatchLevel> onTopic = new HashMap<>();
  private final Map<MemberId, WatchLevel> around = new HashMap<>();

  private WatchLevels() {}

  /**
   * @param store the subscriptions, inside the running command
   * @param topic the topic
   * @return the levels of every member who set one on the topic, its space or its tags
   */
  static WatchLevels of(SubscriptionStore store, Topic topic) {
    List<SubscriptionTarget> targets = new ArrayList<>();
    targets.add(SubscriptionTarget.topic(topic.id()));
    targets.add(SubscriptionTarget.space(topic.spaceId()));
    topic.tags().forEach(tag -> targets.add(SubscriptionTarget.tag(tag)));
    WatchLevels levels = new WatchLevels();
    Optional<Long> after = Optional.empty();
    while (true) {
      List<Subscription> page = store.listByTargets(targets, after, SubscriptionStore.MAX_PAGE);
      page.forEach(levels::add);
      if (page.size() < SubscriptionStore.MAX_PAGE) {
        return levels;
      }
      after = Optional.of(page.get(page.size() - 1).id());
    }
  }

  private void add(Subscription subscription) {
    if (subscription.target().kind() == SubscriptionTarget.Kind.TOPIC) {
      onTopic.put(subscription.memberId(), subscription.level());
    } else {
      around.merge(subscription.memberId(), subscription.level(), WatchLevels::combine);
    }
  }

  /** Muted wins; then watching over tracking. */
  private static WatchLevel combine(WatchLevel a, WatchLevel b) {
    if (a == WatchLevel.MUTED || b == WatchLevel.MUTED) {
      return WatchLevel.MUTED;
    }
    return a == WatchLevel.WATCHING || b == WatchLevel.WATCHING ? WatchLevel.WATCHING : WatchLevel.TRACKING;
  }

  /**
   * @param member a member
   * @return the member's level on the topic, if they set any that applies
   */
  Optional<WatchLevel> of(MemberId member) {
    WatchLevel level = onTopic.get(member);
    return Optional.ofNullable(level != null ? level : around.get(member));
  }

  /** @return whether the member muted the topic, its space or a tag without unmuting the topic */
  boolean muted(MemberId member) {
    return of(member).filter(level -> level == WatchLevel.MUTED).isPresent();
  }

  /**
   * @param wanted a level
   * @return the members whose level on the topic is that one, by id
   */
  List<MemberId> at(WatchLevel wanted) {
    List<MemberId> members = new ArrayList<>();
    onTopic.forEach((member, level) -> {
      if (level == wanted) {
        members.add(member);
      }
    });
    around.forEach((member, level) -> {
      if (level == wanted && !onTopic.containsKey(member)) {
        members.add(member);
      }
    });
    members.sort(Comparator.comparingLong(MemberId::value));
    return members;
  }
}
