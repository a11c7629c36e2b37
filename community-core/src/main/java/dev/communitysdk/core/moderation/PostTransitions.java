package dev.communitysdk.core.moderation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.TopicKinds;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * Moves a post between statuses inside a moderation command, with everything that counts it. Only a published post
 * counts: its topic's replies, a question's answers, its sentiment; for an opening post, its topic's listing and a
 * review's stars. So a post that starts being published is counted in, one that stops is counted out, and one that
 * moves between pending, hidden and deleted changes no counter.
 *
 * <p>An opening post drags its topic along: hidden, the topic waits unlisted ({@link TopicStatus#PENDING}); published
 * again, the topic is open; removed, the topic is deleted, except that a rejected opening post that never was
 * published leaves its topic pending for good.
 */
final class PostTransitions {
  private static final Set<TopicStatus> LISTED = EnumSet.of(TopicStatus.OPEN, TopicStatus.CLOSED, TopicStatus.LOCKED);

  private final CommunityContext context;

  PostTransitions(CommunityContext context) {
    this.context = context;
  }

  /**
   * @param post the post as it is now
   * @param to its new status
   * @param now when
   */
  void move(Post post, PostStatus to, Instant now) {
    Topic topic = context.topic(post.topicId());
    context.store().posts().updateStatus(post.id(), to, now);
    boolean wasCounted = post.status() == PostStatus.PUBLISHED;
    boolean counted = to == PostStatus.PUBLISHED;
    if (wasCounted != counted) {
      count(topic, post, counted ? 1 : -1, now);
    }
    if (post.opening()) {
      moveTopic(topic, post.status(), to, now);
    }
  }

  private void count(Topic topic, Post post, int delta, Instant now) {
    context.countSentiment(topic, post, delta);
    if (!post.opening()) {
      context.store().topics().addReplies(topic.id(), delta, now);
      if (post.score() >= 0) {
        context.countAnswer(topic, post, delta);
      }
    }
  }

  private void moveTopic(Topic topic, PostStatus from, PostStatus to, Instant now) {
    TopicKinds kinds = new TopicKinds(context.store());
    if (to == PostStatus.PUBLISHED) {
      if (topic.status() == TopicStatus.PENDING) {
        context.store().topics().updateStatus(topic.id(), topic.version(), TopicStatus.OPEN, now);
      }
      kinds.published(topic);
      return;
    }
    if (from == PostStatus.PUBLISHED) {
      kinds.unpublished(topic);
    }
    TopicStatus next = to == PostStatus.HIDDEN ? TopicStatus.PENDING : TopicStatus.DELETED;
    boolean wasPublished = from == PostStatus.PUBLISHED || from == PostStatus.HIDDEN;
    if ((LISTED.contains(topic.status()) || (wasPublished && topic.status() == TopicStatus.PENDING))
        && topic.status() != next) {
      context.store().topics().updateStatus(topic.id(), topic.version(), next, now);
    }
  }
}
