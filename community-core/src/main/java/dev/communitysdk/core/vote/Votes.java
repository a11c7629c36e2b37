package dev.communitysdk.core.vote;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.VoteEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ReputationKeeper;
import dev.communitysdk.core.ranking.HotRank;
import dev.communitysdk.core.ranking.Wilson;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * Votes on posts: one per member per post, up or down, changeable and retractable, never on one's own post. Voting up
 * and down are privileges earned by reputation. The post's counters and Wilson rank, the opening post's topic score
 * and hot rank, the author's reputation (and, for a down vote on an answer, the voter's) all move in the same
 * transaction as the vote row; a unique key on (voter, post) makes a second vote impossible. Votes on anonymous posts
 * change no one's reputation, so that a reputation history cannot unmask their author.
 *
 * <p>A review's body takes helpfulness votes: any member may cast them, a helpful vote earns the reviewer
 * {@code REVIEW_HELPFUL} reputation, an unhelpful one costs nothing, and the review's "most helpful" rank moves with
 * them. An idea's opening post takes no votes: ideas are voted on with {@code ideas().votes()}. Thread-safe.
 */
public final class Votes {
  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Votes(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * Votes a post up, or turns the member's down vote into an up vote.
   *
   * @param actor the voter
   * @param postId the post
   * @return the post's new score and the voter's vote
   * @throws PermissionDeniedException if the post is the voter's own, or the voter lacks the reputation to vote up
   * @throws ConflictException if the voter already voted it up (rule {@code vote.once}) or its topic is locked
   * @throws NotFoundException if the post is not visible to the voter
   */
  public VoteResult up(Actor actor, PostId postId) {
    return cast(actor, postId, VoteDirection.UP);
  }

  /**
   * Votes a post down, or turns the member's up vote into a down vote.
   *
   * @param actor the voter
   * @param postId the post
   * @return the post's new score and the voter's vote
   * @throws PermissionDeniedException if the post is the voter's own, or the voter lacks the reputation to vote down
   * @throws ConflictException if the voter already voted it down (rule {@code vote.once}) or its topic is locked
   */
  public VoteResult down(Actor actor, PostId postId) {
    return cast(actor, postId, VoteDirection.DOWN);
  }

  /**
   * Takes back the member's vote on a post, and the reputation it moved.
   *
   * @param actor the voter
   * @param postId the post
   * @return the post's new score, with no vote
   * @throws ConflictException if the member has no vote on the post (rule {@code vote.exists})
   */
  public VoteResult retract(Actor actor, PostId postId) {
    requireNonNull(postId, "postId");
    return context.commands().run("vote.retract", () -> {
      Member voter = context.acting(actor, "vote.retract");
      Post post = context.post(postId);
      Topic topic = votableTopic(voter, post);
      Vote vote = context.store().votes().find(voter.id(), postId)
          .orElseThrow(() -> new ConflictException("vote.exists", "member " + voter.id() + " has no vote on post "
              + postId + " to retract"));
      boolean up = vote.direction() == VoteDirection.UP;
      long score = applyScore(post, topic, up ? -1 : 0, up ? 0 : -1);
      context.store().votes().delete(voter.id(), postId);
      Instant now = context.commands().now();
      CommunityEvent event = context.events().append(new VoteEvent.Retracted(postId.value(), topic.id().value(),
          voter.id().value(), vote.direction().name(), score), now);
      new Credits(voter, post, topic, event, now).withdraw(vote.direction());
      return new VoteResult(postId, score, Optional.empty());
    });
  }

  private VoteResult cast(Actor actor, PostId postId, VoteDirection direction) {
    requireNonNull(postId, "postId");
    String action = "vote." + direction.name().toLowerCase(Locale.ROOT);
    return context.commands().run(action, () -> {
      Member voter = context.acting(actor, action);
      Post post = context.post(postId);
      Topic topic = votableTopic(voter, post);
      if (post.authorId().equals(voter.id())) {
        throw new PermissionDeniedException(action, "members cannot vote on their own posts");
      }
      if (!isReview(post, topic)) {
        context.privileges().require(voter, direction == VoteDirection.UP ? Privilege.UPVOTE : Privilege.DOWNVOTE,
            action);
      }
      Optional<Vote> previous = context.store().votes().find(voter.id(), postId);
      if (previous.isPresent() && previous.get().direction() == direction) {
        throw new ConflictException("vote.once", "member " + voter.id() + " already voted " + direction
            + " on post " + postId);
      }
      Instant now = context.commands().now();
      context.rateLimits().vote(voter, now);
      boolean up = direction == VoteDirection.UP;
      long upDelta = (up ? 1 : 0) - (previous.isPresent() && !up ? 1 : 0);
      long downDelta = (up ? 0 : 1) - (previous.isPresent() && up ? 1 : 0);
      // Counters first, vote row second: the counter update takes the post's row lock before the vote's foreign-key
      // check would take a shared one, which spares InnoDB a lock upgrade and the deadlocks that come with it.
      long score = applyScore(post, topic, upDelta, downDelta);
      Vote vote = new Vote(voter.id(), postId, direction, now);
      if (previous.isPresent()) {
        context.store().votes().update(vote);
      } else {
        context.store().votes().insert(vote);
      }
      CommunityEvent event = context.events().append(new VoteEvent.Cast(postId.value(), topic.id().value(),
          voter.id().value(), direction.name(), previous.map(p -> p.direction().name()).orElse(null), score), now);
      Credits credits = new Credits(voter, post, topic, event, now);
      previous.ifPresent(p -> credits.withdraw(p.direction()));
      credits.grant(direction);
      if (isAnswer(post, topic) && !post.anonymous()) {
        context.badges().answerScored(post.authorId(), postId, score, now);
      }
      return new VoteResult(postId, score, Optional.of(direction));
    });
  }

  private Topic votableTopic(Member voter, Post post) {
    Topic topic = context.readableTopic(voter, post.topicId());
    if (post.status() != PostStatus.PUBLISHED) {
      throw new NotFoundException("post", post.id());
    }
    if (topic.status() == TopicStatus.LOCKED || topic.status() == TopicStatus.PENDING
        || topic.status() == TopicStatus.DELETED) {
      throw new ConflictException("topic.status", "topic " + topic.id() + " is " + topic.status() + "; cannot vote");
    }
    if (topic.kind() == SpaceKind.IDEAS && post.opening()) {
      throw new ConflictException("vote.idea", "post " + post.id() + " opens idea " + topic.id()
          + "; vote on the idea itself with ideas().votes()");
    }
    return topic;
  }

  private long applyScore(Post post, Topic topic, long upDelta, long downDelta) {
    long scoreDelta = upDelta - downDelta;
    long score = context.store().posts().addVotes(post.id(), upDelta, downDelta)
        .orElseThrow(() -> new NotFoundException("post", post.id()));
    Post counted = context.post(post.id());
    double wilson = Wilson.lowerBound(counted.upVotes(), counted.downVotes());
    context.store().posts().updateWilson(post.id(), wilson);
    if (isReview(post, topic)) {
      context.store().reviews().updateWilson(topic.id(), wilson);
    }
    long before = score - scoreDelta;
    if (before >= 0 && score < 0) {
      context.countAnswer(topic, post, -1);
    } else if (before < 0 && score >= 0) {
      context.countAnswer(topic, post, 1);
    }
    if (post.opening()) {
      long topicScore = context.store().topics().addScore(topic.id(), scoreDelta)
          .orElseThrow(() -> new NotFoundException("topic", topic.id()));
      context.store().topics().updateHot(topic.id(), HotRank.of(topicScore, topic.createdAt()));
    }
    return score;
  }

  private static boolean isAnswer(Post post, Topic topic) {
    return topic.kind() == SpaceKind.QUESTIONS && !post.opening();
  }

  /** A review's body: its votes say whether the review helped, and any member may cast them. */
  private static boolean isReview(Post post, Topic topic) {
    return topic.kind() == SpaceKind.REVIEWS && post.opening();
  }

  /** The reputation one vote command moves, keyed by the command's event so that each entry is written once. */
  private final class Credits {
    private final Member voter;
    private final Post post;
    private final Topic topic;
    private final long eventId;
    private final Instant at;
    private final ReputationKeeper.Cause cause;

    Credits(Member voter, Post post, Topic topic, CommunityEvent event, Instant at) {
      this.voter = voter;
      this.post = post;
      this.topic = topic;
      this.eventId = event.id().value();
      this.at = at;
      this.cause = new ReputationKeeper.Cause(voter.id(), topic.spaceId(), topic.id(), post.id(), topic.tags());
    }

    void grant(VoteDirection direction) {
      Optional<ReputationReason> received = received(direction);
      if (received.isPresent() && !post.anonymous()) {
        keeper().apply(post.authorId(), received.get(), cause,
            ReputationKeeper.sourceKey(eventId, received.get(), false), at);
      }
      if (direction == VoteDirection.DOWN && isAnswer(post, topic)) {
        keeper().apply(voter.id(), ReputationReason.DOWNVOTE_CAST, cause,
            ReputationKeeper.sourceKey(eventId, ReputationReason.DOWNVOTE_CAST, false), at);
      }
    }

    void withdraw(VoteDirection direction) {
      Optional<ReputationReason> received = received(direction);
      if (received.isPresent() && !post.anonymous()) {
        keeper().reverse(post.authorId(), received.get(), cause,
            ReputationKeeper.sourceKey(eventId, received.get(), true), at);
      }
      if (direction == VoteDirection.DOWN && isAnswer(post, topic)) {
        keeper().reverse(voter.id(), ReputationReason.DOWNVOTE_CAST, cause,
            ReputationKeeper.sourceKey(eventId, ReputationReason.DOWNVOTE_CAST, true), at);
      }
    }

    /** What the author receives: a helpful review earns its own reason, an unhelpful one costs nothing. */
    private Optional<ReputationReason> received(VoteDirection direction) {
      if (isReview(post, topic)) {
        return direction == VoteDirection.UP ? Optional.of(ReputationReason.REVIEW_HELPFUL) : Optional.empty();
      }
      return Optional.of(direction == VoteDirection.UP ? ReputationReason.POST_UPVOTED
          : ReputationReason.POST_DOWNVOTED);
    }

    private ReputationKeeper keeper() {
      return context.reputation();
    }
  }
}
