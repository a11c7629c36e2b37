package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * What every capability service needs, wired once by {@link dev.communitysdk.core.Community}: the store, the command
 * runner, the access policy, the event log and the content composer, plus the lookups that turn ids into loaded,
 * checked aggregates inside a command. Not API.
 *
 * @param store the storage port
 * @param commands the command runner
 * @param policy the access policy
 * @param events the event log
 * @param composer the content composer
 * @param reputation the reputation keeper
 * @param privileges the reputation each privilege needs
 * @param badges the badge awarder
 * @param rateLimits the rate limiter
 * @param mentions the mention resolver
 */
public record CommunityContext(
    CommunityStore store, Commands commands, AccessPolicy policy, EventLog events, ContentComposer composer,
    ReputationKeeper reputation, PrivilegeRules privileges, BadgeAwarder badges, RateLimiter rateLimits,
    Mentions mentions) {
  /** Checks the fields. */
  public CommunityContext {
    requireNonNull(store, "store");
    requireNonNull(commands, "commands");
    requireNonNull(policy, "policy");
    requireNonNull(events, "events");
    requireNonNull(composer, "composer");
    requireNonNull(reputation, "reputation");
    requireNonNull(privileges, "privileges");
    requireNonNull(badges, "badges");
    requireNonNull(rateLimits, "rateLimits");
    requireNonNull(mentions, "mentions");
  }

  /** @return the audit trail: one call appends an entry to the audit log inside the running command */
  public AuditTrail audit() {
    return new AuditTrail(store.audit(), commands);
  }

  /**
   * Editing or closing content is allowed to its author, to moderators, and to members holding the privilege.
   *
   * @param member the acting member
   * @param authorId the content's author
   * @param privilege the privilege that lets others do it
   * @param action the action, for the message
   * @throws dev.communitysdk.spi.error.PermissionDeniedException otherwise
   */
  public void requireAuthorOr(Member member, MemberId authorId, Privilege privilege, String action) {
    if (member.id().equals(authorId) || policy.isModerator(member)) {
      return;
    }
    privileges.require(member, privilege, action);
  }

  /**
   * Adds a published post's sentiment to its aggregates, or takes it out. Anonymous posts count for the community,
   * space, tags, topic and product, never for a member or an account.
   *
   * @param topic the post's topic
   * @param post the post, with its sentiment
   * @param weight +1 when the post becomes visible, -1 when it stops being counted
   */
  public void countSentiment(Topic topic, Post post, int weight) {
    post.content().sentiment().ifPresent(score -> {
      Optional<Member> author = post.anonymous() ? Optional.empty() : store.members().find(post.authorId());
      store.sentiment().record(new SentimentSample(post.id(), topic.id(), topic.spaceId(),
          author.map(Member::id), author.flatMap(a -> a.profile().customerAccountId()), topic.productId(),
          topic.tags(), post.createdAt(), score.score(), score.label(), weight));
    });
  }

  /**
   * Replaces a post's body if the post is still at the expected version, keeps the replaced body as a revision (with
   * the topic's title for an opening post, and a review's stars), moves the post's sentiment from the old text to
   * the new one, and resolves and records the new body's mentions.
   *
   * @param topic the post's topic, as it was before the edit
   * @param post the post, as it was before the edit
   * @param expectedVersion the version the editor saw
   * @param composed the new body
   * @param editorId who edits it
   * @param stars for a review's body: the stars the edit replaces
   * @param at when
   * @return the edited post, or empty when the post is at another version
   */
  public Optional<Post> replaceContent(Topic topic, Post post, long expectedVersion, ContentComposer.Composed composed,
      MemberId editorId, Optional<Integer> stars, Instant at) {
    Mentions.Mentioned mentioned = mentions.resolve(space(topic.spaceId()), composed);
    if (!store.posts().updateContent(post.id(), expectedVersion, mentioned.content(), at)) {
      return Optional.empty();
    }
    mentions.record(post, mentioned, at);
    store.revisions().insert(new Revision(post.id(), post.version(), editorId,
        post.opening() ? Optional.of(topic.title()) : Optional.empty(), post.content().source(), at, stars));
    Post edited = post(post.id());
    if (post.status() == PostStatus.PUBLISHED) {
      countSentiment(topic, post, -1);
      countSentiment(topic, edited, 1);
    }
    return Optional.of(edited);
  }

  /**
   * Keeps a question's answer count in step: a published reply from someone other than the asker, scoring at least
   * 0, keeps the question off the unanswered list.
   *
   * @param topic the topic
   * @param post a reply in it
   * @param delta +1 when the reply starts to count, -1 when it stops
   */
  public void countAnswer(Topic topic, Post post, int delta) {
    if (!post.opening() && !post.authorId().equals(topic.authorId())) {
      store.topics().addAnswers(topic.id(), delta);
    }
  }

  /**
   * Who acted, as an event may name them: nobody when the author of anonymous content acts on it (closes their topic,
   * accepts an answer to their question, deletes their reply), since naming them would link them to it.
   *
   * @param actor the member who acted
   * @param authorId the author of the content acted on
   * @param anonymous whether that content is anonymous
   * @return the actor's id, or null when it would reveal an anonymous author
   */
  public static @Nullable Long visibleActor(Member actor, MemberId authorId, boolean anonymous) {
    return anonymous && actor.id().equals(authorId) ? null : actor.id().value();
  }

  /**
   * Takes a reply out of its topic's counts when it stops being visible (deleted, or erased with its author): the
   * topic's reply count, the question's answer count and the post's sentiment. Does nothing for a reply that was not
   * published, since it was never counted.
   *
   * @param topic the reply's topic
   * @param reply the reply, as it was before it stopped being visible
   * @param at when
   */
  public void uncountReply(Topic topic, Post reply, Instant at) {
    if (reply.status() != PostStatus.PUBLISHED) {
      return;
    }
    store.topics().addReplies(topic.id(), -1, at);
    if (reply.score() >= 0) {
      countAnswer(topic, reply, -1);
    }
    countSentiment(topic, reply, -1);
  }

  /**
   * Deletes a review: its topic and opening post are marked deleted, its stars leave the product's rating and its
   * sentiment its aggregates, and its review row goes, so that the reviewer may review the product again.
   *
   * @param topic the review's topic, as read in this command
   * @param review the review
   * @param at when
   * @throws ConflictException if the topic changed since it was read (rule {@code topic.version})
   */
  public void removeReview(Topic topic, Review review, Instant at) {
    if (!store.topics().updateStatus(topic.id(), topic.version(), TopicStatus.DELETED, at)) {
      throw new ConflictException("topic.version", "review " + topic.id() + " changed while it was being deleted");
    }
    Post opening = post(review.openingPostId());
    store.posts().updateStatus(opening.id(), PostStatus.DELETED, at);
    if (opening.status() == PostStatus.PUBLISHED) {
      countSentiment(topic, opening, -1);
      store.reviews().addRating(review.spaceId(), review.productId(), review.stars(), -1);
    }
    store.reviews().delete(topic.id());
  }

  /**
   * @param actor the actor of a command
   * @param action the action, for messages
   * @return the actor's stored member, checked to be active and under no sanction in force
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the member is deactivated, silenced, suspended
   *     or banned
   */
  public Member acting(Actor actor, String action) {
    Member member = store.members().find(actor.memberId())
        .orElseThrow(() -> new NotFoundException("member", actor.memberId()));
    policy.requireActive(member, action);
    SanctionGate.requireFree(store, member, action, false, commands.now());
    return member;
  }

  /**
   * @param actor the actor of a read
   * @return the actor's stored member, whatever its status: deactivated members may still read nothing they could not
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the member is suspended or banned
   */
  public Member reader(Actor actor) {
    Member member = store.members().find(actor.memberId())
        .orElseThrow(() -> new NotFoundException("member", actor.memberId()));
    SanctionGate.requireFree(store, member, "read", true, commands.now());
    return member;
  }

  /**
   * @param member a member
   * @param postId a post
   * @return the post, when the member may see it ({@link #canSee})
   * @throws NotFoundException if the post does not exist or the member may not see it
   */
  public Post visiblePost(Member member, PostId postId) {
    return store.posts().find(postId).filter(post -> canSee(member, post))
        .orElseThrow(() -> new NotFoundException("post", postId));
  }

  /**
   * @param reader a member
   * @param post a post
   * @return whether the member may see the post: its space is readable, and it is published, or pending and the
   *     reader's own, or the reader moderates; deleted posts are seen by nobody
   */
  public boolean canSee(Member reader, Post post) {
    if (!policy.canRead(reader, space(post.spaceId()))) {
      return false;
    }
    return switch (post.status()) {
      case PUBLISHED -> true;
      case PENDING -> post.authorId().equals(reader.id()) || policy.isModerator(reader);
      case HIDDEN -> policy.isModerator(reader);
      case DELETED -> false;
    };
  }

  /** @return the space, or a {@link NotFoundException} */
  public Space space(SpaceId id) {
    return store.spaces().find(id).orElseThrow(() -> new NotFoundException("space", id));
  }

  /**
   * @param member the member about to read or write in the space
   * @param id a space
   * @param kind the kind the caller needs
   * @return the space, when the member may read it and it holds that kind
   * @throws NotFoundException if the space does not exist or the member may not read it
   * @throws ConflictException if the space holds another kind (rule {@code space.kind})
   */
  public Space space(Member member, SpaceId id, SpaceKind kind) {
    Space space = space(id);
    policy.requireRead(member, space);
    if (space.kind() != kind) {
      throw new ConflictException("space.kind", "space " + space.slug() + " holds " + space.kind() + ", not " + kind);
    }
    return space;
  }

  /** @return the topic, or a {@link NotFoundException} */
  public Topic topic(TopicId id) {
    return store.topics().find(id).orElseThrow(() -> new NotFoundException("topic", id));
  }

  /** @return the post, or a {@link NotFoundException} */
  public Post post(PostId id) {
    return store.posts().find(id).orElseThrow(() -> new NotFoundException("post", id));
  }

  /**
   * @param topicId a topic
   * @return its opening post, whatever the post's status, if the topic has one
   */
  public Optional<Post> openingPost(TopicId topicId) {
    return store.posts().listByTopic(topicId, EnumSet.allOf(PostStatus.class), Optional.empty(), 1).stream()
        .filter(Post::opening)
        .findFirst();
  }

  /**
   * @param member the reader
   * @param id the topic
   * @return the topic, when the member may read its space; otherwise a {@link NotFoundException} for the topic
   */
  public Topic readableTopic(Member member, TopicId id) {
    Topic topic = topic(id);
    if (!policy.canRead(member, space(topic.spaceId()))) {
      throw new NotFoundException("topic", id);
    }
    return topic;
  }

  /**
   * @param reader the reader
   * @param questionId a topic
   * @return the question, when the member may read its space and, if it waits for approval, is its asker or moderates
   * @throws NotFoundException if the topic does not exist or the member may not read it
   * @throws ConflictException if the topic is not a question (rule {@code topic.kind})
   */
  public Topic visibleQuestion(Member reader, TopicId questionId) {
    Topic topic = readableTopic(reader, questionId);
    if (topic.status() == TopicStatus.PENDING && !policy.isModerator(reader)
        && !topic.authorId().equals(reader.id())) {
      throw new NotFoundException("topic", questionId);
    }
    if (topic.kind() != SpaceKind.QUESTIONS) {
      throw new ConflictException("topic.kind",
          "topic " + questionId + " is a " + topic.kind() + " topic, not a question");
    }
    return topic;
  }

  /**
   * @param topic a topic
   * @return the readers' view of it, its author loaded
   */
  public TopicSummary summary(Topic topic) {
    return TopicSummary.of(topic, author(members(List.of(topic.authorId())), topic.authorId(), topic.anonymous()));
  }

  /**
   * Loads the authors of a page in one call.
   *
   * @param ids the author ids, duplicates allowed
   * @return the members by id
   */
  public Map<MemberId, Member> members(Collection<MemberId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Member> found = store.members().findAll(ids.stream().distinct().toList());
    return found.stream().collect(Collectors.toMap(Member::id, Function.identity(), (a, b) -> a, HashMap::new));
  }

  /**
   * @param authors the loaded authors
   * @param authorId the author of a piece of content
   * @param anonymous whether the content is anonymous
   * @return the author as readers may see them
   */
  public static AuthorRef author(Map<MemberId, Member> authors, MemberId authorId, boolean anonymous) {
    Member author = authors.get(authorId);
    if (author == null) {
      throw new NotFoundException("member", authorId);
    }
    return AuthorRef.of(author, anonymous);
  }
}
