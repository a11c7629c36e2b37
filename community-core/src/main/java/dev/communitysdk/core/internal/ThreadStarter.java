package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.core.event.TopicEvent;
import dev.communitysdk.core.ranking.HotRank;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.WatchLevel;

/**
 * Starts a thread inside a running command: counts the topic against the author's rate limits, inserts the topic and
 * its opening post (mentions resolved), published or held for a moderator as the space's moderation mode says, counts
 * the post's sentiment, records the events, and has the author watch the topic. What a topic of the space's
 * kind needs beyond that (an idea's state, a review's rating) is the caller's, through {@link TopicKinds}. Not API.
 */
public final class ThreadStarter {
  private final CommunityContext context;

  /** @param context the community's wiring */
  public ThreadStarter(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * A started thread.
   *
   * @param topic the topic, {@link TopicStatus#PENDING} when its opening post waits for a moderator
   * @param opening the opening post
   */
  public record Started(Topic topic, Post opening) {
    /** @return whether the thread is visible to every reader of its space */
    public boolean published() {
      return opening.status() == PostStatus.PUBLISHED;
    }
  }

  /**
   * @param author the author, checked to be active
   * @param space the space, checked to be readable by the author
   * @param title the validated title
   * @param tags the validated tags
   * @param productId the validated product id, if any
   * @param composed the composed opening post, its links allowed for the author
   * @param anonymous whether to start it anonymously
   * @return the thread
   * @throws PermissionDeniedException if anonymity is asked for where the space does not allow it
   * @throws dev.communitysdk.spi.error.RateLimitedException if the author started too many topics lately
   */
  public Started start(Member author, Space space, String title, List<String> tags, Optional<String> productId,
      ContentComposer.Composed composed, boolean anonymous) {
    if (anonymous && !space.allowAnonymous()) {
      throw new PermissionDeniedException("topic.start", "space " + space.slug() + " does not allow anonymous posts");
    }
    Instant now = context.commands().now();
    context.rateLimits().topic(author, now);
    Mentions.Mentioned mentioned = context.mentions().resolve(space, composed);
    PostContent content = mentioned.content();
    PostStatus status = Publishing.initialStatus(author, space);
    Topic topic = context.store().topics().insert(new NewTopic(
        space.id(), space.kind(), title, tags, author.id(), anonymous, HotRank.of(0, now), now, productId));
    if (status == PostStatus.PENDING) {
      context.store().topics().updateStatus(topic.id(), topic.version(), TopicStatus.PENDING, now);
      topic = context.topic(topic.id());
    }
    Post opening = context.store().posts().insert(new NewPost(
        topic.id(), space.id(), author.id(), anonymous, true, content, status, now));
    if (status == PostStatus.PUBLISHED) {
      context.countSentiment(topic, opening, 1);
    }
    Long visibleAuthor = anonymous ? null : author.id().value();
    context.events().append(
        new TopicEvent.Started(topic.id().value(), space.id().value(), visibleAuthor, title, tags), now);
    context.events().append(new PostEvent.Created(opening.id().value(), topic.id().value(), space.id().value(),
        visibleAuthor, true, status.name(), content.sentiment().map(score -> score.score()).orElse(0.0)), now);
    context.mentions().record(opening, mentioned, now);
    AutoFollow.topic(context.store(), author.id(), topic.id(), WatchLevel.WATCHING, now);
    return new Started(topic, opening);
  }
}
