package dev.communitysdk.core.idea;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.ranking.HotRank;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.VoteTally;

/** Look-ups and counter upkeep the idea commands share, run inside a command. */
final class IdeaTopics {
  private IdeaTopics() {}

  /** @return the idea's topic, when it is a published idea the member may read; else a NotFoundException */
  static Topic readable(CommunityContext context, Member member, TopicId topicId) {
    Topic topic = context.readableTopic(member, topicId);
    if (topic.kind() != SpaceKind.IDEAS || topic.status() == TopicStatus.PENDING
        || topic.status() == TopicStatus.DELETED) {
      throw new NotFoundException("idea", topicId);
    }
    return topic;
  }

  /** @return the idea, its row locked until the command ends */
  static Idea lock(CommunityContext context, TopicId topicId) {
    return context.store().ideas().lock(topicId).orElseThrow(() -> new NotFoundException("idea", topicId));
  }

  /** Locks two ideas, lower id first, so that two merges of the same pair cannot deadlock. */
  static Map<TopicId, Idea> lockInOrder(CommunityContext context, TopicId one, TopicId other) {
    boolean oneFirst = one.value() < other.value();
    Map<TopicId, Idea> locked = new LinkedHashMap<>();
    for (TopicId id : oneFirst ? new TopicId[] {one, other} : new TopicId[] {other, one}) {
      locked.put(id, lock(context, id));
    }
    return locked;
  }

  /**
   * Counts the idea's votes again from its vote rows, after a merge or its undo moved some, and keeps the topic's
   * score (which ranks the idea in topic listings) and hot rank in step.
   *
   * @return the idea's vote count now
   */
  static long recount(CommunityContext context, Topic topic) {
    Idea before = context.store().ideas().find(topic.id()).orElseThrow(() -> new NotFoundException("idea", topic.id()));
    VoteTally tally = context.store().ideas().tally(topic.id());
    context.store().ideas().setVotes(topic.id(), tally);
    moveTopicScore(context, topic, tally.score() - before.score());
    return tally.score();
  }

  /** Adds to the topic's score and re-ranks it. */
  static void moveTopicScore(CommunityContext context, Topic topic, long delta) {
    if (delta == 0) {
      return;
    }
    long score = context.store().topics().addScore(topic.id(), delta)
        .orElseThrow(() -> new NotFoundException("topic", topic.id()));
    context.store().topics().updateHot(topic.id(), HotRank.of(score, topic.createdAt()));
  }
}
