package dev.communitysdk.core.vote;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.VoteEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.ranking.HotRank;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * Votes on posts: one per member per post, up or down, changeable and retractable, never on one's own post. The
 * post's counters, and for an opening post the topic's score and hot rank, move in the same transaction as the vote
 * row, by atomic increments; a unique key on (voter, post) makes a second vote impossible. Thread-safe.
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
   * @throws PermissionDeniedException if the post is the voter's own
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
   * @throws PermissionDeniedException if the post is the voter's own
   * @throws ConflictException if the voter already voted it down (rule {@code vote.once}) or its topic is locked
   */
  public VoteResult down(Actor actor, PostId postId) {
    return cast(actor, postId, VoteDirection.DOWN);
  }

  /**
   * Takes back the member's vote on a post.
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
      Post post = votablePost(voter, postId);
      Vote vote = context.store().votes().find(voter.id(), postId)
          .orElseThrow(() -> new ConflictException("vote.exists", "member " + voter.id() + " has no vote on post "
              + postId + " to retract"));
      int weight = vote.direction().weight();
      long score = applyScore(post, -weight, vote.direction() == VoteDirection.UP ? -1 : 0,
          vote.direction() == VoteDirection.DOWN ? -1 : 0);
      context.store().votes().delete(voter.id(), postId);
      context.events().append(new VoteEvent.Retracted(postId.value(), post.topicId().value(), voter.id().value(),
          vote.direction().name(), score), context.commands().now());
      return new VoteResult(postId, score, Optional.empty());
    });
  }

  private VoteResult cast(Actor actor, PostId postId, VoteDirection direction) {
    requireNonNull(postId, "postId");
    String action = "vote." + direction.name().toLowerCase(java.util.Locale.ROOT);
    return context.commands().run(action, () -> {
      Member voter = context.acting(actor, action);
      Post post = votablePost(voter, postId);
      if (post.authorId().equals(voter.id())) {
        throw new PermissionDeniedException(action, "members cannot vote on their own posts");
      }
      Optional<Vote> previous = context.store().votes().find(voter.id(), postId);
      if (previous.isPresent() && previous.get().direction() == direction) {
        throw new ConflictException("vote.once", "member " + voter.id() + " already voted " + direction
            + " on post " + postId);
      }
      Instant now = context.commands().now();
      long upDelta = (direction == VoteDirection.UP ? 1 : 0) - (previous.isPresent() && direction == VoteDirection.DOWN ? 1 : 0);
      long downDelta = (direction == VoteDirection.DOWN ? 1 : 0) - (previous.isPresent() && direction == VoteDirection.UP ? 1 : 0);
      // Counters first, vote row second: the counter update takes the post's row lock before the vote's foreign-key
      // check would take a shared one, which spares InnoDB a lock upgrade and the deadlocks that come with it.
      long score = applyScore(post, upDelta - downDelta, upDelta, downDelta);
      Vote vote = new Vote(voter.id(), postId, direction, now);
      if (previous.isPresent()) {
        context.store().votes().update(vote);
      } else {
        context.store().votes().insert(vote);
      }
      context.events().append(new VoteEvent.Cast(postId.value(), post.topicId().value(), voter.id().value(),
          direction.name(), previous.map(p -> p.direction().name()).orElse(null), score), now);
      return new VoteResult(postId, score, Optional.of(direction));
    });
  }

  private Post votablePost(Member voter, PostId postId) {
    Post post = context.post(postId);
    Topic topic = context.readableTopic(voter, post.topicId());
    if (post.status() != PostStatus.PUBLISHED) {
      throw new NotFoundException("post", postId);
    }
    if (topic.status() == TopicStatus.LOCKED || topic.status() == TopicStatus.PENDING) {
      throw new ConflictException("topic.status", "topic " + topic.id() + " is " + topic.status() + "; cannot vote");
    }
    return post;
  }

  private long applyScore(Post post, long scoreDelta, long upDelta, long downDelta) {
    long score = context.store().posts().addVotes(post.id(), upDelta, downDelta)
        .orElseThrow(() -> new NotFoundException("post", post.id()));
    if (post.opening()) {
      Topic topic = context.topic(post.topicId());
      long topicScore = context.store().topics().addScore(topic.id(), scoreDelta)
          .orElseThrow(() -> new NotFoundException("topic", topic.id()));
      context.store().topics().updateHot(topic.id(), HotRank.of(topicScore, topic.createdAt()));
    }
    return score;
  }
}
