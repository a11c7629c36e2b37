package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ContentComposer;
import dev.communitysdk.core.internal.ReputationKeeper;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.FlagOutcome;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Topic;

/**
 * Moderators' decisions on posts, and the way to the rest of moderation: {@link #flags()} for members' flags,
 * {@link #queue()} for the posts waiting for a decision, {@link #sanctions()} for sanctions of members.
 *
 * <p>Deciding on a post decides its open flags too: publishing it (approve) or leaving it published (dismiss) means
 * the moderator disagreed with them; removing it (reject, delete, spam) means the moderator agreed. Each flagger's
 * accuracy, and so the weight of their next flags, follows from these outcomes. Approving a pending post publishes it
 * (and, for an opening post, lists its topic, opens an idea for votes, counts a review's stars); approving a hidden
 * post publishes it again with its counters. Moderators may also reveal the author of an anonymous post
 * ({@link #revealAuthor}), which the audit log records. Moderators and admins only. Thread-safe.
 */
public final class Moderation {
  private static final Set<PostStatus> WAITING = EnumSet.of(PostStatus.PENDING, PostStatus.HIDDEN);
  private static final Set<PostStatus> LIVE = EnumSet.of(PostStatus.PUBLISHED, PostStatus.PENDING, PostStatus.HIDDEN);
  private static final int SWEEP_PAGE = 200;

  private final CommunityContext context;
  private final PostTransitions transitions;
  private final Flags flags;
  private final ModerationQueue queue;
  private final Sanctions sanctions;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param flagRules how flags weigh and when they hide a post
   */
  public Moderation(CommunityContext context, FlagRules flagRules) {
    this.context = requireNonNull(context, "context");
    this.transitions = new PostTransitions(context);
    this.flags = new Flags(context, requireNonNull(flagRules, "flagRules"), transitions);
    this.queue = new ModerationQueue(context);
    this.sanctions = new Sanctions(context);
  }

  /** @return members' flags of posts */
  public Flags flags() {
    return flags;
  }

  /** @return the posts waiting for a moderator's decision */
  public ModerationQueue queue() {
    return queue;
  }

  /** @return sanctions of members: silence, suspension, ban, and their history */
  public Sanctions sanctions() {
    return sanctions;
  }

  /**
   * Publishes a waiting post: a pending one for the first time, a hidden one again. Its open flags are disagreed with.
   *
   * @param actor a moderator
   * @param postId a pending or hidden post
   * @throws ConflictException if the post does not wait (rule {@code post.status})
   */
  public void approve(Actor actor, PostId postId) {
    decide(actor, postId, "post.approve", WAITING, PostStatus.PUBLISHED, FlagOutcome.DISAGREED, "");
  }

  /**
   * Rejects a waiting post, which is deleted; its open flags are agreed with. The reason goes into the event for the
   * author's notification.
   *
   * @param actor a moderator
   * @param postId a pending or hidden post
   * @param reason why, 1 to 500 characters
   * @throws ConflictException if the post does not wait (rule {@code post.status})
   */
  public void reject(Actor actor, PostId postId, String reason) {
    InputRules.reason("reason", reason);
    decide(actor, postId, "post.reject", WAITING, PostStatus.DELETED, FlagOutcome.AGREED, reason);
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
    String checked = InputRules.reason("reason", reason);
    return context.commands().run("author.reveal", () -> {
      Member moderator = moderator(actor, "author.reveal");
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

  /**
   * Deletes a post, waiting or published (an opening post deletes its topic); its open flags are agreed with.
   *
   * @param actor a moderator
   * @param postId a post that is not deleted
   * @param reason why, 1 to 500 characters
   * @throws ConflictException if the post is deleted already (rule {@code post.status})
   */
  public void delete(Actor actor, PostId postId, String reason) {
    InputRules.reason("reason", reason);
    decide(actor, postId, "post.remove", LIVE, PostStatus.DELETED, FlagOutcome.AGREED, reason);
  }

  /**
   * Dismisses the open flags of a published post, which stays published; the flags are disagreed with.
   *
   * @param actor a moderator
   * @param postId a published post
   * @return how many flags were dismissed
   * @throws ConflictException if the post is not published (rule {@code post.status}) or has no open flags (rule
   *     {@code flag.open})
   */
  public int dismissFlags(Actor actor, PostId postId) {
    requireNonNull(postId, "postId");
    return context.commands().run("post.dismiss-flags", () -> {
      Member moderator = moderator(actor, "post.dismiss-flags");
      context.post(postId);
      int dismissed = context.store().flags().resolve(postId, FlagOutcome.DISAGREED, moderator.id(),
          context.commands().now());
      Post post = require(postId, EnumSet.of(PostStatus.PUBLISHED));
      if (dismissed == 0) {
        throw new ConflictException("flag.open", "post " + postId + " has no open flags");
      }
      context.events().append(new PostEvent.FlagsDismissed(postId.value(), post.topicId().value(),
          moderator.id().value(), dismissed), context.commands().now());
      context.audit().record(moderator, "post.dismiss-flags", subject(post), "post", postId.value(),
          dismissed + " flag(s) dismissed");
      return dismissed;
    });
  }

  /**
   * Edits the body of a waiting post, which keeps waiting: a moderator fixes what is wrong before approving. The
   * replaced body is kept as a revision.
   *
   * @param actor a moderator
   * @param postId a pending or hidden post
   * @param expectedVersion the version the moderator saw ({@link PostView#version()})
   * @param body the new body in Markdown
   * @return the edited post
   * @throws ConflictException if the post does not wait (rule {@code post.status}) or changed since (rule
   *     {@code post.version})
   */
  public PostView edit(Actor actor, PostId postId, long expectedVersion, String body) {
    requireNonNull(postId, "postId");
    ContentComposer.Composed composed = context.composer().compose(body);
    return context.commands().run("post.moderate-edit", () -> {
      Member moderator = moderator(actor, "post.moderate-edit");
      Post post = require(postId, WAITING);
      ContentComposer.Composed content = composed.allowedFor(moderator, context.privileges(), "post.moderate-edit");
      Topic topic = context.topic(post.topicId());
      Instant now = context.commands().now();
      Post edited = context.replaceContent(topic, post, expectedVersion, content, moderator.id(), Optional.empty(),
          now).orElseThrow(() -> new ConflictException("post.version", "post " + postId + " is at version "
              + post.version() + ", not " + expectedVersion + "; reload it and edit again"));
      context.events().append(new PostEvent.Edited(postId.value(), topic.id().value(), edited.version(),
          edited.content().sentiment().map(score -> score.score()).orElse(0.0)), now);
      return PostView.of(context.mentions().current(edited), CommunityContext.author(context.members(List.of(edited.authorId())),
          edited.authorId(), edited.anonymous()), Optional.empty());
    });
  }

  /**
   * Removes a post as spam: the post is deleted (an opening post deletes its topic), its open flags are agreed with,
   * its author loses the rules' spam amount of reputation ({@link ReputationReason#SPAM_REMOVED}, -100 by default,
   * the floor permitting), and every other pending post of the author is hidden, so that it stays in the queue and
   * cannot be approved by a slip. An anonymous post is only deleted: its author keeps their reputation and their other
   * posts, so that nothing links the post to them. Doing it again for the same post changes nothing.
   *
   * @param actor a moderator
   * @param postId a post, deleted or not
   * @return what the removal did
   */
  public SpamRemoval removeAsSpam(Actor actor, PostId postId) {
    requireNonNull(postId, "postId");
    return context.commands().run("post.spam", () -> {
      Member moderator = moderator(actor, "post.spam");
      context.post(postId);
      Instant now = context.commands().now();
      // Takes the post's flag counter first, which serializes removals of the same post.
      if (!context.store().flags().markSpam(postId, now)) {
        return new SpamRemoval(false, 0, List.of());
      }
      context.store().flags().resolve(postId, FlagOutcome.AGREED, moderator.id(), now);
      Post post = context.post(postId);
      if (post.status() != PostStatus.DELETED) {
        transitions.move(post, PostStatus.DELETED, now);
      }
      Topic topic = context.topic(post.topicId());
      CommunityEvent removed = context.events().append(
          new PostEvent.Moderated(postId.value(), topic.id().value(), PostStatus.DELETED.name(), "spam"), now);
      context.audit().record(moderator, "post.spam", subject(post), "post", postId.value(), "spam");
      if (post.anonymous()) {
        // A penalty or a sweep of the author's other posts would link the post to its author for everyone watching
        // reputation or the queue; a moderator who must act on the author reveals them first, under audit.
        return new SpamRemoval(true, 0, List.of());
      }
      long delta = context.reputation().apply(post.authorId(), ReputationReason.SPAM_REMOVED,
          new ReputationKeeper.Cause(moderator.id(), topic.spaceId(), topic.id(), postId, topic.tags()),
          ReputationKeeper.sourceKey(removed.id().value(), ReputationReason.SPAM_REMOVED, false), now);
      return new SpamRemoval(true, delta, hidePending(post, now));
    });
  }

  /** Hides every pending post of the spam's author, page by page. */
  private List<PostId> hidePending(Post spam, Instant now) {
    List<PostId> hidden = new ArrayList<>();
    Optional<PostId> after = Optional.empty();
    while (true) {
      List<Post> page = context.store().posts()
          .listByStatus(EnumSet.of(PostStatus.PENDING), Optional.of(spam.authorId()), after, SWEEP_PAGE);
      for (Post pending : page) {
        transitions.move(pending, PostStatus.HIDDEN, now);
        context.events().append(new PostEvent.Moderated(pending.id().value(), pending.topicId().value(),
            PostStatus.HIDDEN.name(), "author's post " + spam.id() + " removed as spam"), now);
        hidden.add(pending.id());
      }
      if (page.size() < SWEEP_PAGE) {
        return hidden;
      }
      after = Optional.of(page.get(page.size() - 1).id());
    }
  }

  private void decide(Actor actor, PostId postId, String action, Set<PostStatus> from, PostStatus to,
      FlagOutcome outcome, String reason) {
    requireNonNull(postId, "postId");
    context.commands().run(action, () -> {
      Member moderator = moderator(actor, action);
      context.post(postId);
      Instant now = context.commands().now();
      // Takes the post's flag counter first: a concurrent flag is either decided here or counted after the decision,
      // and concurrent decisions on the post run one after the other, each seeing the status the last one left.
      context.store().flags().resolve(postId, outcome, moderator.id(), now);
      Post post = require(postId, from);
      transitions.move(post, to, now);
      context.events().append(
          new PostEvent.Moderated(postId.value(), post.topicId().value(), to.name(), reason), now);
      context.audit().record(moderator, action, subject(post), "post", postId.value(),
          reason.isEmpty() ? to.name() : reason);
      return null;
    });
  }

  /** The author a decision on the post concerns, for the audit; none for an anonymous post, whose reveal is audited. */
  private static Optional<MemberId> subject(Post post) {
    return post.anonymous() ? Optional.empty() : Optional.of(post.authorId());
  }

  private Member moderator(Actor actor, String action) {
    Member moderator = context.acting(actor, action);
    context.policy().requireModerator(moderator, action);
    return moderator;
  }

  /** @return the post as it is now, if it is in one of the statuses */
  private Post require(PostId postId, Set<PostStatus> statuses) {
    Post post = context.post(postId);
    if (!statuses.contains(post.status())) {
      throw new ConflictException("post.status", "post " + postId + " is " + post.status() + ", not one of "
          + statuses);
    }
    return post;
  }
}
