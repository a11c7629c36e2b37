package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.TopicKinds;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * Decisions on posts that wait under pre-moderation. Approving publishes the post (and, for an opening post, lists its
 * topic); rejecting deletes it with a reason, and a rejected opening post's topic stays unlisted. Approving the opening post
 * of an idea opens it for votes; of a review, counts its stars in the product's rating. Moderators may also reveal the
 * author of an anonymous post, which the audit log records. Moderators and admins only. Thread-safe.
 */
public final class Moderation {
  /** Most characters in a rejection reason. */
  public static final int REASON_MAX = 500;

  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Moderation(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * Publishes a pending post.
   *
   * @param actor a moderator
   * @param postId a pending post
   * @throws ConflictException if the post is not pending (rule {@code post.status})
   */
  public void approve(Actor actor, PostId postId) {
    decide(actor, postId, PostStatus.PUBLISHED, "");
  }

  /**
   * Rejects a pending post, which is deleted; the reason goes into the event for the author's notification.
   *
   * @param actor a moderator
   * @param postId a pending post
   * @param reason why, 1 to 500 characters
   * @throws ConflictException if the post is not pending (rule {@code post.status})
   */
  public void reject(Actor actor, PostId postId, String reason) {
    decide(actor, postId, PostStatus.DELETED, checkedReason(reason));
  }

  /**
   * Tells a moderator who wrote an anonymous post. Every reveal is audited (who, when, which post, why) in the same
   * transaction; nothing else changes, and no event is published, so the post stays anonymous to everyone else.
   *
   * @param actor a moderator or an admin
   * @param postId an anonymous post the moderator may read
   * @param reason why the author must be known, 1 to 500 characters
   * @return the real author, as they would show on content posted under their name
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is neither moderator nor admin
   * @throws NotFoundException if the post does not exist or its space is not readable to the actor
   * @throws ConflictException if the post is not anonymous (rule {@code post.anonymous})
   */
  public AuthorRef revealAuthor(Actor actor, PostId postId, String reason) {
    requireNonNull(postId, "postId");
    String checked = checkedReason(reason);
    return context.commands().run("author.reveal", () -> {
      Member moderator = context.acting(actor, "author.reveal");
      context.policy().requireModerator(moderator, "author.reveal");
      Post post = context.post(postId);
      if (!context.policy().canRead(moderator, context.space(post.spaceId()))) {
        throw new NotFoundException("post", postId);
      }
      if (!post.anonymous()) {
        throw new ConflictException("post.anonymous", "post " + postId + " is not anonymous; its author is shown");
      }
      Member author = context.store().members().find(post.authorId())
          .orElseThrow(() -> new NotFoundException("member", post.authorId()));
      context.audit().record(moderator, "author.reveal", Optional.of(author.id()), "post", postId.value(), checked);
      return AuthorRef.of(author, false);
    });
  }

  private static String checkedReason(String reason) {
    requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > REASON_MAX) {
      throw new ValidationException("reason", "must be 1 to " + REASON_MAX + " characters and not blank", reason);
    }
    return reason;
  }

  private void decide(Actor actor, PostId postId, PostStatus decision, String reason) {
    String action = decision == PostStatus.PUBLISHED ? "post.approve" : "post.reject";
    context.commands().run(action, () -> {
      Member moderator = context.acting(actor, action);
      context.policy().requireModerator(moderator, action);
      Post post = context.post(postId);
      if (post.status() != PostStatus.PENDING) {
        throw new ConflictException("post.status", "post " + postId + " is " + post.status() + ", not PENDING");
      }
      Instant now = context.commands().now();
      context.store().posts().updateStatus(postId, decision, now);
      Topic topic = context.topic(post.topicId());
      if (decision == PostStatus.PUBLISHED) {
        context.countSentiment(topic, post, 1);
        // A rejected opening post leaves its topic pending, which keeps it unlisted for good.
        if (post.opening() && topic.status() == TopicStatus.PENDING) {
          context.store().topics().updateStatus(topic.id(), topic.version(), TopicStatus.OPEN, now);
          new TopicKinds(context.store()).published(topic);
        } else if (!post.opening()) {
          context.store().topics().addReplies(topic.id(), 1, now);
          context.countAnswer(topic, post, 1);
        }
      }
      context.events().append(
          new PostEvent.Moderated(postId.value(), topic.id().value(), decision.name(), reason), now);
      return null;
    });
  }
}
