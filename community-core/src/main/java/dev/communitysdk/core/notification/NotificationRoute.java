package dev.communitysdk.core.notification;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import dev.communitysdk.core.event.IdeaEvent;
import dev.communitysdk.core.event.MemberEvent;
import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.core.event.TopicEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.EventPayloads;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.notification.Notification;
import dev.communitysdk.spi.notification.NotificationKind;
import dev.communitysdk.spi.notification.NotificationSink;

/**
 * The notification route: a listener the community registers on its outbox relay ahead of the host's, that turns
 * committed events into notifications. Not API: built by {@code Community} when the host sets a sink.
 *
 * <ul>
 *   <li>A published reply ({@code post.created}, or {@code post.moderated} approving a waiting one) tells the members
 *       watching its topic, space or tags. Replies are flat, so which post a reply answers is not known, and members
 *       tracking the topic are not told.
 *   <li>A mention ({@code post.mentioned}) tells the mentioned members once the post is published: at once when it
 *       is, else when a moderator approves it, whichever event comes last.
 *   <li>An accepted answer tells the answer's author; an idea's new status tells its voters and followers; a badge
 *       tells the member who earned it.
 * </ul>
 *
 * <p>Nobody is told of their own action, of anything on a topic they muted, or of anything they cannot read when the
 * event is delivered. Each notification's key is derived from its cause and its recipient: the event id, except for
 * replies and mentions, keyed by the post, since either its creation or its approval may announce it. A redelivered
 * event sends the same keys again, which the sink dedupes, and keeps nothing twice for digests.
 */
public final class NotificationRoute implements CommunityEventListener {
  private static final int VOTER_PAGE = 1000;

  private final CommunityContext context;
  private final NotificationSink sink;
  private final Readers readers;

  /**
   * @param context the community's shared services
   * @param sink where notifications go
   */
  public NotificationRoute(CommunityContext context, NotificationSink sink) {
    this.context = requireNonNull(context, "context");
    this.sink = requireNonNull(sink, "sink");
    this.readers = new Readers(context);
  }

  /** @param event a committed event; those that notify nobody are ignored */
  @Override
  public void onEvent(CommunityEvent event) {
    List<Notification> now = context.commands().run("notification.route", () -> {
      Dispatch dispatch = new Dispatch(context, event.occurredAt());
      route(event, dispatch);
      return dispatch.immediate();
    });
    now.forEach(sink::deliver);
  }

  private void route(CommunityEvent event, Dispatch dispatch) {
    switch (event.type()) {
      case "post.created" -> {
        PostEvent.Created created = EventPayloads.read(event, PostEvent.Created.class);
        if (PostStatus.PUBLISHED.name().equals(created.status())) {
          replied(created.postId(), dispatch);
        }
      }
      case "post.moderated" -> {
        PostEvent.Moderated moderated = EventPayloads.read(event, PostEvent.Moderated.class);
        if (PostStatus.PUBLISHED.name().equals(moderated.status())) {
          PostId postId = new PostId(moderated.postId());
          replied(moderated.postId(), dispatch);
          mentioned(postId, context.store().mentions().list(postId), dispatch);
        }
      }
      case "post.mentioned" -> {
        PostEvent.Mentioned mentioned = EventPayloads.read(event, PostEvent.Mentioned.class);
        mentioned(new PostId(mentioned.postId()),
            mentioned.memberIds().stream().map(MemberId::new).toList(), dispatch);
      }
      case "answer.accepted" -> accepted(event, EventPayloads.read(event, TopicEvent.AnswerAccepted.class), dispatch);
      case "idea.status-changed" ->
          ideaChanged(event, EventPayloads.read(event, IdeaEvent.StatusChanged.class), dispatch);
      case "badge.awarded" -> badge(event, EventPayloads.read(event, MemberEvent.BadgeAwarded.class), dispatch);
      default -> { }
    }
  }

  /** Tells the members watching a reply's topic, space or tags about the reply, if it is published. */
  private void replied(long postId, Dispatch dispatch) {
    Optional<Post> found = context.store().posts().find(new PostId(postId)).filter(post -> !post.opening());
    if (found.isEmpty()) {
      return;
    }
    Post post = found.get();
    Topic topic = context.topic(post.topicId());
    List<MemberId> watchers = WatchLevels.of(context.store().subscriptions(), topic).at(WatchLevel.WATCHING).stream()
        .filter(member -> !member.equals(post.authorId()))
        .toList();
    String subject = Subjects.reply(authorOf(post), topic.title());
    for (Member reader : readers.among(watchers, topic, Optional.of(post))) {
      dispatch.send(reader, key("reply-post-" + postId, reader), NotificationKind.REPLY, subject,
          topic.id().value(), postId);
    }
  }

  /** Tells mentioned members about a post, if it is published and they did not mute its topic. */
  private void mentioned(PostId postId, List<MemberId> members, Dispatch dispatch) {
    Optional<Post> found = context.store().posts().find(postId);
    if (found.isEmpty() || members.isEmpty()) {
      return;
    }
    Post post = found.get();
    Topic topic = context.topic(post.topicId());
    WatchLevels levels = WatchLevels.of(context.store().subscriptions(), topic);
    List<MemberId> told = members.stream()
        .filter(member -> !member.equals(post.authorId()) && !levels.muted(member))
        .toList();
    String subject = Subjects.mention(authorOf(post), topic.title());
    for (Member reader : readers.among(told, topic, Optional.of(post))) {
      dispatch.send(reader, key("mention-post-" + postId.value(), reader), NotificationKind.MENTION, subject,
          topic.id().value(), postId.value());
    }
  }

  /** Tells an accepted answer's author, unless they accepted it themselves. */
  private void accepted(CommunityEvent event, TopicEvent.AnswerAccepted accepted, Dispatch dispatch) {
    Topic topic = context.topic(new TopicId(accepted.topicId()));
    Optional<Post> answer = context.store().posts().find(new PostId(accepted.answerId()));
    if (answer.isEmpty()) {
      return;
    }
    MemberId author = answer.get().authorId();
    // An anonymous asker's acceptance names nobody: the asker is the topic's author.
    MemberId actor = Optional.ofNullable(accepted.byMemberId()).map(MemberId::new).orElse(topic.authorId());
    if (author.equals(actor) || WatchLevels.of(context.store().subscriptions(), topic).muted(author)) {
      return;
    }
    for (Member reader : readers.among(List.of(author), topic, answer)) {
      dispatch.send(reader, key("event-" + event.id().value(), reader), NotificationKind.ANSWER_ACCEPTED,
          Subjects.answerAccepted(topic.title()), topic.id().value(), accepted.answerId());
    }
  }

  /** Tells an idea's voters and followers of its new status, except the employee who changed it. */
  private void ideaChanged(CommunityEvent event, IdeaEvent.StatusChanged changed, Dispatch dispatch) {
    Topic topic = context.topic(new TopicId(changed.topicId()));
    WatchLevels levels = WatchLevels.of(context.store().subscriptions(), topic);
    List<MemberId> candidates = new ArrayList<>(levels.at(WatchLevel.WATCHING));
    candidates.addAll(levels.at(WatchLevel.TRACKING));
    candidates.addAll(voters(topic.id()));
    MemberId actor = new MemberId(changed.byMemberId());
    List<MemberId> told = candidates.stream()
        .filter(member -> !member.equals(actor) && !levels.muted(member))
        .distinct()
        .toList();
    String subject = Subjects.ideaStatus(topic.title(), changed.to());
    for (Member reader : readers.among(told, topic, Optional.empty())) {
      dispatch.send(reader, key("event-" + event.id().value(), reader), NotificationKind.IDEA_STATUS_CHANGED,
          subject, topic.id().value(), 0);
    }
  }

  private List<MemberId> voters(TopicId idea) {
    List<MemberId> voters = new ArrayList<>();
    Optional<MemberId> after = Optional.empty();
    while (true) {
      List<MemberId> page = context.store().ideas().listVoters(idea, after, VOTER_PAGE);
      voters.addAll(page);
      if (page.size() < VOTER_PAGE) {
        return voters;
      }
      after = Optional.of(page.get(page.size() - 1));
    }
  }

  /** Tells a member of the badge they earned. */
  private void badge(CommunityEvent event, MemberEvent.BadgeAwarded awarded, Dispatch dispatch) {
    context.store().members().find(new MemberId(awarded.memberId()))
        .filter(member -> member.status() == MemberStatus.ACTIVE)
        .ifPresent(member -> dispatch.send(member, key("event-" + event.id().value(), member),
            NotificationKind.BADGE_AWARDED, Subjects.badge(awarded.badge(), awarded.tier()), 0, 0));
  }

  private AuthorRef authorOf(Post post) {
    Member author = context.store().members().find(post.authorId())
        .orElseThrow(() -> new CommunityException("post " + post.id() + " has no author " + post.authorId(), null));
    return AuthorRef.of(author, post.anonymous());
  }

  private static String key(String cause, Member recipient) {
    return "notification-" + cause + "-member-" + recipient.id().value();
  }
}
