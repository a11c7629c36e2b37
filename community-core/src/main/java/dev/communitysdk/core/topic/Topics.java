package dev.communitysdk.core.topic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.event.TopicEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.core.internal.ContentComposer;
import dev.communitysdk.core.internal.ThreadStarter;
import dev.communitysdk.core.internal.TopicKinds;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * Topics: start, edit, close, reopen, lock, list and read. Every method takes the acting member first and checks
 * access and input before any storage call; every command is one transaction. Thread-safe.
 */
public final class Topics {
  private static final Set<TopicStatus> LISTED = EnumSet.of(TopicStatus.OPEN, TopicStatus.CLOSED, TopicStatus.LOCKED);
  private static final Set<PostStatus> READER_POSTS = EnumSet.of(PostStatus.PUBLISHED);
  private static final Set<PostStatus> MODERATOR_POSTS =
      EnumSet.of(PostStatus.PUBLISHED, PostStatus.PENDING, PostStatus.HIDDEN);
  /** The largest page of a thread. */
  public static final int MAX_THREAD_PAGE = 100;

  private final CommunityContext context;
  private final ThreadStarter starter;
  private final TopicKinds kinds;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Topics(CommunityContext context) {
    this.context = requireNonNull(context, "context");
    this.starter = new ThreadStarter(context);
    this.kinds = new TopicKinds(context.store());
  }

  /**
   * Starts a topic with its opening post. Under pre-moderation the topic waits, unlisted, until a moderator approves
   * its opening post.
   *
   * @param actor the author
   * @param spaceId the space to start it in
   * @param draft title, body, tags and anonymity
   * @return the new thread: the topic and its opening post. The author watches the topic from now on
   * @throws dev.communitysdk.spi.error.ValidationException if the title, body or tags break their rules
   * @throws NotFoundException if the space does not exist or the actor may not read it
   * @throws PermissionDeniedException if anonymous posting is asked for where the space does not allow it
   * @throws ConflictException if the space holds reviews (rule {@code space.kind}): write those with
   *     {@code reviews().write}
   */
  public ThreadView start(Actor actor, SpaceId spaceId, TopicDraft draft) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(draft, "draft");
    String title = InputRules.title(draft.title());
    List<String> tags = InputRules.tags(draft.tags());
    Optional<String> productId = draft.productId().map(InputRules::productId);
    ContentComposer.Composed composed = context.composer().compose(draft.body());
    return context.commands().run("topic.start", () -> {
      Member author = context.acting(actor, "topic.start");
      composed.allowedFor(author, context.privileges(), "topic.start");
      Space space = context.space(spaceId);
      context.policy().requireRead(author, space);
      if (space.kind() == SpaceKind.REVIEWS) {
        throw new ConflictException("space.kind", "space " + space.slug()
            + " holds reviews, which are written with reviews().write and carry stars");
      }
      ThreadStarter.Started started =
          starter.start(author, space, title, tags, productId, composed, draft.anonymous());
      if (started.published()) {
        kinds.published(started.topic());
      }
      Map<MemberId, Member> authors = Map.of(author.id(), author);
      return new ThreadView(summary(started.topic(), authors),
          List.of(PostView.of(started.opening(), CommunityContext.author(authors, author.id(), draft.anonymous()),
              Optional.empty())),
          Optional.empty());
    });
  }

  /**
   * Replaces the title and tags, if the topic is still at the version the editor saw.
   *
   * @param actor the author, or a moderator
   * @param topicId the topic
   * @param expectedVersion the version the editor saw ({@link TopicSummary#version()})
   * @param title the new title
   * @param tags the new tags
   * @return the edited topic
   * @throws ConflictException if the topic changed since (rule {@code topic.version}) or is locked
   */
  public TopicSummary edit(Actor actor, TopicId topicId, long expectedVersion, String title, List<String> tags) {
    String checkedTitle = InputRules.title(title);
    List<String> checkedTags = InputRules.tags(tags);
    return context.commands().run("topic.edit", () -> {
      Member editor = context.acting(actor, "topic.edit");
      Topic topic = context.readableTopic(editor, topicId);
      context.requireAuthorOr(editor, topic.authorId(), Privilege.EDIT_OTHERS, "topic.edit");
      requireUnlocked(editor, topic, "topic.edit");
      Instant now = context.commands().now();
      if (!context.store().topics().updateTitleAndTags(topicId, expectedVersion, checkedTitle, checkedTags, now)) {
        throw staleVersion(topic, expectedVersion);
      }
      context.openingPost(topicId).ifPresent(opening -> context.store().revisions().insert(new Revision(opening.id(),
          opening.version(), editor.id(), Optional.of(topic.title()), opening.content().source(), now)));
      Topic edited = context.topic(topicId);
      context.events().append(
          new TopicEvent.Edited(topicId.value(), edited.version(), edited.title(), edited.tags()), now);
      return context.summary(edited);
    });
  }

  /**
   * Closes a topic: no more replies. The author or a moderator may close it.
   *
   * @return the closed topic
   */
  public TopicSummary close(Actor actor, TopicId topicId) {
    return changeStatus(actor, topicId, TopicStatus.OPEN, TopicStatus.CLOSED, "topic.close", false);
  }

  /**
   * Reopens a closed topic. The author or a moderator may reopen it.
   *
   * @return the reopened topic
   */
  public TopicSummary reopen(Actor actor, TopicId topicId) {
    return changeStatus(actor, topicId, TopicStatus.CLOSED, TopicStatus.OPEN, "topic.reopen", false);
  }

  /**
   * Locks an open or closed topic: no replies, votes or edits by members. Moderators only.
   *
   * @return the locked topic
   */
  public TopicSummary lock(Actor actor, TopicId topicId) {
    return changeStatus(actor, topicId, null, TopicStatus.LOCKED, "topic.lock", true);
  }

  /**
   * Unlocks a locked topic, which becomes open. Moderators only.
   *
   * @return the unlocked topic
   */
  public TopicSummary unlock(Actor actor, TopicId topicId) {
    return changeStatus(actor, topicId, TopicStatus.LOCKED, TopicStatus.OPEN, "topic.unlock", true);
  }

  /**
   * One page of a space's topics, in the request's order, after the request's cursor.
   *
   * @param actor the reader
   * @param request space, order, optional tag, cursor and page size
   * @return the page and the cursor of the next one
   * @throws NotFoundException if the space does not exist or the actor may not read it
   * @throws dev.communitysdk.spi.error.ValidationException if the cursor or page size is invalid
   */
  public Page<TopicSummary> list(Actor actor, ListingRequest request) {
    requireNonNull(request, "request");
    int limit = InputRules.pageSize("limit", request.limit(), ListingRequest.MAX_LIMIT);
    Optional<String> tag = request.tag().map(t -> InputRules.tags(List.of(t)).get(0));
    Optional<ListingCursor> after = request.cursor().map(token -> Cursors.decodeListing(request.order(), token));
    return context.commands().run("topic.list", () -> {
      Member reader = context.reader(actor);
      context.policy().requireRead(reader, context.space(request.spaceId()));
      List<Topic> rows = context.store().topics()
          .list(new TopicQuery(request.spaceId(), request.order(), LISTED, tag, after, limit + 1,
              request.questionState()));
      List<Topic> page = rows.subList(0, Math.min(limit, rows.size()));
      Map<MemberId, Member> authors = context.members(page.stream().map(Topic::authorId).toList());
      Optional<String> next = Cursors.next(request.order().name(), rows, limit,
          topic -> TopicQuery.rankOf(request.order(), topic), topic -> topic.id().value());
      return new Page<>(page.stream().map(topic -> summary(topic, authors)).toList(), next);
    });
  }

  /**
   * One page of a thread: the topic, its posts in posting order with their authors, and the reader's own votes.
   * Readers see published posts; moderators also see pending and hidden ones, and deleted topics.
   *
   * @param actor the reader
   * @param topicId the topic
   * @param cursor the previous page's {@link ThreadView#next()}, or empty for the first page
   * @param limit the page size, 1 to 100
   * @return the page
   * @throws NotFoundException if the topic does not exist or the actor may not read it
   */
  public ThreadView thread(Actor actor, TopicId topicId, Optional<String> cursor, int limit) {
    requireNonNull(cursor, "cursor");
    int checkedLimit = InputRules.pageSize("limit", limit, MAX_THREAD_PAGE);
    Optional<PostId> after = cursor.map(Cursors::decodePost);
    return context.commands().run("topic.thread", () -> {
      Member reader = context.reader(actor);
      Topic topic = context.readableTopic(reader, topicId);
      boolean moderator = context.policy().isModerator(reader);
      if ((topic.status() == TopicStatus.PENDING && !moderator && !topic.authorId().equals(reader.id()))
          || (topic.status() == TopicStatus.DELETED && !moderator)) {
        throw new NotFoundException("topic", topicId);
      }
      Set<PostStatus> statuses = moderator ? MODERATOR_POSTS : READER_POSTS;
      if (topic.status() == TopicStatus.PENDING && !moderator) {
        statuses = EnumSet.of(PostStatus.PUBLISHED, PostStatus.PENDING);
      }
      List<Post> rows = context.store().posts().listByTopic(topicId, statuses, after, checkedLimit + 1);
      List<Post> page = rows.subList(0, Math.min(checkedLimit, rows.size()));
      List<MemberId> authorIds = new ArrayList<>(page.stream().map(Post::authorId).toList());
      authorIds.add(topic.authorId());
      Map<MemberId, Member> authors = context.members(authorIds);
      Map<PostId, VoteDirection> myVotes = context.store().votes()
          .findByVoter(reader.id(), page.stream().map(Post::id).toList()).stream()
          .collect(Collectors.toMap(Vote::postId, Vote::direction));
      List<PostView> posts = page.stream()
          .map(post -> PostView.of(context.mentions().current(post),
              CommunityContext.author(authors, post.authorId(), post.anonymous()),
              Optional.ofNullable(myVotes.get(post.id()))))
          .toList();
      Optional<String> next = rows.size() > checkedLimit
          ? Optional.of(Cursors.encode(page.get(page.size() - 1).id()))
          : Optional.empty();
      return new ThreadView(summary(topic, authors), posts, next);
    });
  }

  /**
   * @param actor the reader
   * @param topicId a topic
   * @return the topic, if it exists, is listed, and the actor may read it
   */
  public Optional<TopicSummary> find(Actor actor, TopicId topicId) {
    return context.commands().run("topic.find", () -> {
      Member reader = context.reader(actor);
      return context.store().topics().find(topicId)
          .filter(topic -> context.policy().canRead(reader, context.space(topic.spaceId())))
          .filter(topic -> topic.status() != TopicStatus.PENDING || context.policy().isModerator(reader)
              || topic.authorId().equals(reader.id()))
          .filter(topic -> topic.status() != TopicStatus.DELETED || context.policy().isModerator(reader))
          .map(context::summary);
    });
  }

  private TopicSummary changeStatus(Actor actor, TopicId topicId, TopicStatus from, TopicStatus to, String action,
      boolean moderatorsOnly) {
    return context.commands().run(action, () -> {
      Member member = context.acting(actor, action);
      Topic topic = context.readableTopic(member, topicId);
      if (moderatorsOnly) {
        context.policy().requireModerator(member, action);
      } else {
        context.requireAuthorOr(member, topic.authorId(), Privilege.CLOSE_OTHERS, action);
        requireUnlocked(member, topic, action);
      }
      boolean allowed = from == null
          ? topic.status() == TopicStatus.OPEN || topic.status() == TopicStatus.CLOSED
          : topic.status() == from;
      if (!allowed) {
        throw new ConflictException("topic.status",
            "topic " + topicId + " is " + topic.status() + "; cannot " + action.substring("topic.".length()) + " it");
      }
      Instant now = context.commands().now();
      if (!context.store().topics().updateStatus(topicId, topic.version(), to, now)) {
        throw staleVersion(topic, topic.version());
      }
      context.events().append(new TopicEvent.StatusChanged(topicId.value(), to.name(),
          CommunityContext.visibleActor(member, topic.authorId(), topic.anonymous())), now);
      return context.summary(context.topic(topicId));
    });
  }

  private void requireUnlocked(Member member, Topic topic, String action) {
    if (topic.status() == TopicStatus.LOCKED && !context.policy().isModerator(member)) {
      throw new ConflictException("topic.locked", "topic " + topic.id() + " is locked; cannot " + action);
    }
  }

  private static ConflictException staleVersion(Topic topic, long expectedVersion) {
    return new ConflictException("topic.version", "topic " + topic.id() + " is at version " + topic.version()
        + ", not " + expectedVersion + "; reload it and edit again");
  }

  private static TopicSummary summary(Topic topic, Map<MemberId, Member> authors) {
    return TopicSummary.of(topic, CommunityContext.author(authors, topic.authorId(), topic.anonymous()));
  }

}
