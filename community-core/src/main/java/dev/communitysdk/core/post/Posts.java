package dev.communitysdk.core.post;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.AutoFollow;
import dev.communitysdk.core.internal.ContentComposer;
import dev.communitysdk.core.internal.Mentions;
import dev.communitysdk.core.internal.Publishing;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.WatchLevel;

/**
 * Posts: reply, edit (keeping revisions), soft delete, read. Counters on the topic move in the same transaction as the
 * post. Thread-safe.
 */
public final class Posts {
  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Posts(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * Replies to an open topic under the member's name.
   *
   * @param actor the author
   * @param topicId the topic
   * @param body the reply in Markdown, 1 to 50,000 characters
   * @return the reply; {@link PostStatus#PENDING} when the space pre-moderates the author. The author tracks the
   *     topic from now on, unless they set a level on it before
   * @throws dev.communitysdk.spi.error.ValidationException if the body breaks its rule
   * @throws NotFoundException if the topic does not exist or the actor may not read it
   * @throws ConflictException if the topic is not open (rule {@code topic.status})
   * @throws dev.communitysdk.spi.error.RateLimitedException if a new member wrote too many replies lately
   */
  public PostView reply(Actor actor, TopicId topicId, String body) {
    return reply(actor, topicId, body, false);
  }

  /**
   * Replies to an open topic anonymously, where the space allows it.
   *
   * @param actor the author
   * @param topicId the topic
   * @param body the reply in Markdown
   * @return the reply, showing "Anonymous" as its author
   * @throws PermissionDeniedException if the space does not allow anonymous posts
   */
  public PostView replyAnonymously(Actor actor, TopicId topicId, String body) {
    return reply(actor, topicId, body, true);
  }

  private PostView reply(Actor actor, TopicId topicId, String body, boolean anonymous) {
    requireNonNull(topicId, "topicId");
    ContentComposer.Composed composed = context.composer().compose(body);
    return context.commands().run("post.reply", () -> {
      Member author = context.acting(actor, "post.reply");
      composed.allowedFor(author, context.privileges(), "post.reply");
      Topic topic = context.readableTopic(author, topicId);
      Space space = context.space(topic.spaceId());
      if (topic.status() != TopicStatus.OPEN) {
        throw new ConflictException("topic.status", "topic " + topicId + " is " + topic.status() + "; cannot reply");
      }
      if (anonymous && !space.allowAnonymous()) {
        throw new PermissionDeniedException("post.reply", "space " + space.slug() + " does not allow anonymous posts");
      }
      Instant now = context.commands().now();
      context.rateLimits().reply(author, now);
      Mentions.Mentioned mentioned = context.mentions().resolve(space, composed);
      PostContent content = mentioned.content();
      PostStatus status = Publishing.initialStatus(author, space);
      Post post = context.store().posts()
          .insert(new NewPost(topicId, topic.spaceId(), author.id(), anonymous, false, content, status, now));
      if (status == PostStatus.PUBLISHED) {
        context.store().topics().addReplies(topicId, 1, now);
        context.countAnswer(topic, post, 1);
        context.countSentiment(topic, post, 1);
        if (space.kind() == SpaceKind.QUESTIONS && !anonymous && !author.id().equals(topic.authorId())) {
          context.badges().answered(author.id(), now);
        }
      }
      context.events().append(new PostEvent.Created(post.id().value(), topicId.value(), topic.spaceId().value(),
          anonymous ? null : author.id().value(), false, status.name(),
          content.sentiment().map(score -> score.score()).orElse(0.0)), now);
      context.mentions().record(post, mentioned, now);
      AutoFollow.topic(context.store(), author.id(), topicId, WatchLevel.TRACKING, now);
      return view(post, Map.of(author.id(), author));
    });
  }

  /**
   * Replaces a post's body if the post is still at the version the editor saw. The replaced body is kept as a
   * revision, and the new body is rendered and scored again.
   *
   * @param actor the author, or a moderator
   * @param postId the post
   * @param expectedVersion the version the editor saw ({@link PostView#version()})
   * @param body the new body in Markdown
   * @return the edited post
   * @throws ConflictException if the post changed since (rule {@code post.version}) or its topic is locked
   */
  public PostView edit(Actor actor, PostId postId, long expectedVersion, String body) {
    ContentComposer.Composed composed = context.composer().compose(body);
    return context.commands().run("post.edit", () -> {
      Member editor = context.acting(actor, "post.edit");
      Post post = context.visiblePost(editor, postId);
      context.requireAuthorOr(editor, post.authorId(), Privilege.EDIT_OTHERS, "post.edit");
      composed.allowedFor(editor, context.privileges(), "post.edit");
      Topic topic = context.topic(post.topicId());
      if (topic.status() == TopicStatus.LOCKED && !context.policy().isModerator(editor)) {
        throw new ConflictException("topic.locked", "topic " + topic.id() + " is locked; cannot edit its posts");
      }
      Instant now = context.commands().now();
      Post edited = context.replaceContent(topic, post, expectedVersion, composed, editor.id(), Optional.empty(), now)
          .orElseThrow(() -> new ConflictException("post.version", "post " + postId + " is at version "
              + post.version() + ", not " + expectedVersion + "; reload it and edit again"));
      context.events().append(new PostEvent.Edited(postId.value(), topic.id().value(), edited.version(),
          edited.content().sentiment().map(score -> score.score()).orElse(0.0)), now);
      return view(edited, context.members(List.of(edited.authorId())));
    });
  }

  /**
   * Soft-deletes a reply: its row stays for history, readers no longer see it, and the topic's reply count drops.
   * An opening post cannot be deleted on its own; close or lock its topic instead.
   *
   * @param actor the author, or a moderator
   * @param postId the reply
   * @throws ConflictException if the post opens its topic (rule {@code post.opening})
   */
  public void delete(Actor actor, PostId postId) {
    context.commands().run("post.delete", () -> {
      Member member = context.acting(actor, "post.delete");
      Post post = context.visiblePost(member, postId);
      context.policy().requireAuthorOrModerator(member, post.authorId(), "post.delete");
      if (post.opening()) {
        throw new ConflictException("post.opening",
            "post " + postId + " opens its topic and cannot be deleted on its own; close or lock the topic");
      }
      Topic topic = context.topic(post.topicId());
      if (topic.acceptedAnswerId().filter(postId::equals).isPresent()) {
        throw new ConflictException("post.accepted",
            "post " + postId + " is the accepted answer; un-accept it before deleting it");
      }
      Instant now = context.commands().now();
      context.store().posts().updateStatus(postId, PostStatus.DELETED, now);
      context.uncountReply(topic, post, now);
      context.events().append(
          new PostEvent.Deleted(postId.value(), post.topicId().value(),
              CommunityContext.visibleActor(member, post.authorId(), post.anonymous())), now);
      return null;
    });
  }

  /**
   * @param actor the reader
   * @param postId a post
   * @return the post, if it exists and is visible to the actor
   */
  public Optional<PostView> find(Actor actor, PostId postId) {
    return context.commands().run("post.find", () -> {
      Member reader = context.reader(actor);
      Optional<Post> post = context.store().posts().find(postId).filter(p -> context.canSee(reader, p));
      return post.map(p -> view(p, context.members(List.of(p.authorId())),
          context.store().votes().find(reader.id(), postId).map(vote -> vote.direction())));
    });
  }

  /**
   * The bodies a post had before each edit, oldest first. Only the author and moderators may read them, since a
   * revision names its editor. A moderator reading those of someone else's anonymous post may learn its author, so the
   * read is audited as a reveal.
   *
   * @param actor the author, or a moderator
   * @param postId the post
   * @return the revisions
   */
  public List<Revision> revisions(Actor actor, PostId postId) {
    return context.commands().run("post.revisions", () -> {
      Member reader = context.reader(actor);
      Post post = context.visiblePost(reader, postId);
      context.policy().requireAuthorOrModerator(reader, post.authorId(), "post.revisions");
      if (post.anonymous() && !reader.id().equals(post.authorId())) {
        context.audit().record(reader, "author.reveal", Optional.of(post.authorId()), "post", postId.value(),
            "read the revisions of an anonymous post");
      }
      return context.store().revisions().list(postId);
    });
  }

  private PostView view(Post post, Map<MemberId, Member> authors) {
    return view(post, authors, Optional.empty());
  }

  private PostView view(Post post, Map<MemberId, Member> authors,
      Optional<dev.communitysdk.spi.model.VoteDirection> myVote) {
    return PostView.of(context.mentions().current(post),
        CommunityContext.author(authors, post.authorId(), post.anonymous()), myVote);
  }
}
