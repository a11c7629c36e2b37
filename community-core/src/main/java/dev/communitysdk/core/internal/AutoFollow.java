package dev.communitysdk.core.internal;

import java.time.Instant;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * Follows a topic for its author (watching) or a replier (tracking) inside the writing command, unless the member set
 * a level on the topic already: an explicit choice, muting included, is never overridden. Not API.
 */
public final class AutoFollow {
  private AutoFollow() {}

  /**
   * @param store the storage port, inside the running command
   * @param memberId the author or replier
   * @param topicId the topic
   * @param level the level to follow it at, when the member has none yet
   * @param at when
   */
  public static void topic(CommunityStore store, MemberId memberId, TopicId topicId, WatchLevel level, Instant at) {
    SubscriptionTarget target = SubscriptionTarget.topic(topicId);
    if (store.subscriptions().find(memberId, target).isEmpty()) {
      store.subscriptions().insert(memberId, target, level, at);
    }
  }
}
