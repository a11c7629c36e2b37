package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.IdeaEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ReputationKeeper;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * Votes on ideas: one per member per idea, up (and down, where the space allows it), changeable and retractable,
 * never on one's own idea, only while the idea is open (not shipped, declined or a duplicate). Where the space sets a
 * vote budget, a member holds at most that many votes on open ideas at once; votes on ideas that close come back.
 * Any member who can read the space may vote: support for an idea is not a reputation privilege.
 *
 * <p>The idea's row is locked for the command, so that votes, status changes and merges of one idea run one after
 * another and the counters stay exact; under a budget the voter's row is locked too, so that one member's concurrent
 * votes cannot overspend it. An up vote earns the idea's author {@code IDEA_UPVOTED} reputation (not for anonymous
 * ideas), taken back when the vote is retracted or turned down. A vote that a merge copied to the target idea carries
 * no reputation there: the author of the duplicate keeps what it earned. Thread-safe.
 */
public final class IdeaVoting {
  private final CommunityContext context;

  IdeaVoting(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * Votes an idea up, or turns the member's down vote around.
   *
   * @param actor the voter
   * @param topicId the idea
   * @return the idea's vote count, the member's vote and, under a budget, the votes left
   * @throws PermissionDeniedException on one's own idea
   * @throws ConflictException if the member already voted it up (rule {@code vote.once}), voting on it is closed
   *     (rule {@code idea.voting-closed}), or the budget is spent (rule {@code idea.vote-budget})
   */
  public IdeaVoteResult up(Actor actor, TopicId topicId) {
    return cast(actor, topicId, VoteDirection.UP);
  }

  /**
   * Votes an idea down, where the space allows down votes, or turns the member's up vote around.
   *
   * @param actor the voter
   * @param topicId the idea
   * @return the idea's vote count, the member's vote and, under a budget, the votes left
   * @throws PermissionDeniedException where the space takes up votes only, or on one's own idea
   * @throws ConflictException as {@link #up} does
   */
  public IdeaVoteResult down(Actor actor, TopicId topicId) {
    return cast(actor, topicId, VoteDirection.DOWN);
  }

  /**
   * Takes back the member's vote, which returns to their budget.
   *
   * @param actor the voter
   * @param topicId the idea
   * @return the idea's vote count, no vote, and the votes left
   * @throws ConflictException if the member has no vote on the idea (rule {@code vote.exists}) or voting on it is
   *     closed (rule {@code idea.voting-closed})
   */
  public IdeaVoteResult retract(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return context.commands().run("idea.vote.retract", () -> {
      Member voter = context.acting(actor, "idea.vote.retract");
      Topic topic = votableTopic(voter, topicId);
      Space space = context.space(topic.spaceId());
      lockVoterUnderBudget(voter, space);
      Idea idea = openIdea(topicId);
      IdeaVote vote = context.store().ideas().findVote(topicId, voter.id())
          .orElseThrow(() -> new ConflictException("vote.exists", "member " + voter.id() + " has no vote on idea "
              + topicId + " to retract"));
      boolean up = vote.direction() == VoteDirection.UP;
      long votes = count(idea, topic, up ? -1 : 0, up ? 0 : -1);
      context.store().ideas().deleteVote(topicId, voter.id());
      Instant now = context.commands().now();
      CommunityEvent event = context.events().append(
          new IdeaEvent.VoteRetracted(topicId.value(), voter.id().value(), vote.direction().name(), votes), now);
      if (up) {
        credits(voter, topic, event, now).ifPresent(credit -> credit.withdraw());
      }
      return new IdeaVoteResult(topicId, votes, Optional.empty(), votesLeft(voter, space));
    });
  }

  /**
   * @param actor a member
   * @param spaceId an ideas space
   * @return how many more open ideas the member may vote on, or empty where the space sets no budget
   */
  public Optional<Long> votesLeft(Actor actor, SpaceId spaceId) {
    requireNonNull(spaceId, "spaceId");
    return context.commands().run("idea.votes-left", () -> {
      Member member = context.reader(actor);
      return votesLeft(member, context.space(member, spaceId, SpaceKind.IDEAS));
    });
  }

  private IdeaVoteResult cast(Actor actor, TopicId topicId, VoteDirection direction) {
    requireNonNull(topicId, "topicId");
    String action = "idea.vote." + direction.name().toLowerCase(Locale.ROOT);
    return context.commands().run(action, () -> {
      Member voter = context.acting(actor, action);
      Topic topic = votableTopic(voter, topicId);
      Space space = context.space(topic.spaceId());
      if (direction == VoteDirection.DOWN && !space.rules().ideaDownVotes()) {
        throw new PermissionDeniedException(action, "space " + space.slug() + " takes up votes on ideas only");
      }
      if (topic.authorId().equals(voter.id())) {
        throw new PermissionDeniedException(action, "members cannot vote on their own ideas");
      }
      lockVoterUnderBudget(voter, space);
      Idea idea = openIdea(topicId);
      Optional<IdeaVote> previous = context.store().ideas().findVote(topicId, voter.id());
      if (previous.isPresent() && previous.get().direction() == direction) {
        throw new ConflictException("vote.once", "member " + voter.id() + " already voted " + direction
            + " on idea " + topicId);
      }
      if (previous.isEmpty()) {
        requireBudget(voter, space);
      }
      Instant now = context.commands().now();
      context.rateLimits().vote(voter, now);
      boolean up = direction == VoteDirection.UP;
      long votes = count(idea, topic, (up ? 1 : 0) - (previous.isPresent() && !up ? 1 : 0),
          (up ? 0 : 1) - (previous.isPresent() && up ? 1 : 0));
      IdeaVote vote = new IdeaVote(topicId, voter.id(), direction, voter.profile().customerAccountId(), now,
          previous.flatMap(IdeaVote::mergedFrom));
      if (previous.isPresent()) {
        context.store().ideas().updateVote(vote);
      } else {
        context.store().ideas().insertVote(vote);
      }
      CommunityEvent event = context.events().append(new IdeaEvent.VoteCast(topicId.value(), voter.id().value(),
          direction.name(), previous.map(p -> p.direction().name()).orElse(null), votes), now);
      credits(voter, topic, event, now).ifPresent(credit -> {
        if (up) {
          credit.grant();
        } else {
          credit.withdraw();
        }
      });
      return new IdeaVoteResult(topicId, votes, Optional.of(direction), votesLeft(voter, space));
    });
  }

  private Topic votableTopic(Member voter, TopicId topicId) {
    Topic topic = IdeaTopics.readable(context, voter, topicId);
    if (topic.status() == TopicStatus.LOCKED) {
      throw new ConflictException("topic.status", "idea " + topicId + " is locked; cannot vote");
    }
    return topic;
  }

  private Idea openIdea(TopicId topicId) {
    Idea idea = IdeaTopics.lock(context, topicId);
    if (!idea.status().votingOpen()) {
      throw new ConflictException("idea.voting-closed", "idea " + topicId + " is " + idea.status()
          + "; voting on it is closed");
    }
    return idea;
  }

  private void lockVoterUnderBudget(Member voter, Space space) {
    if (space.rules().ideaVoteBudget().isPresent()) {
      context.store().members().reputationForUpdate(voter.id())
          .orElseThrow(() -> new NotFoundException("member", voter.id()));
    }
  }

  private void requireBudget(Member voter, Space space) {
    Optional<Long> left = votesLeft(voter, space);
    if (left.isPresent() && left.get() <= 0) {
      throw new ConflictException("idea.vote-budget", "member " + voter.id() + " already votes on "
          + space.rules().ideaVoteBudget().get() + " open ideas in space " + space.slug()
          + "; retract one, or wait for one to close");
    }
  }

  private Optional<Long> votesLeft(Member voter, Space space) {
    return space.rules().ideaVoteBudget().map(budget -> Math.max(0, budget
        - context.store().ideas().countVotes(voter.id(), space.id(), IdeaListing.open())));
  }

  private long count(Idea idea, Topic topic, long upDelta, long downDelta) {
    context.store().ideas().addVotes(idea.topicId(), upDelta, downDelta);
    IdeaTopics.moveTopicScore(context, topic, upDelta - downDelta);
    return idea.score() + upDelta - downDelta;
  }

  private Optional<Credit> credits(Member voter, Topic topic, CommunityEvent event, Instant at) {
    if (topic.anonymous()) {
      return Optional.empty();
    }
    PostId opening = context.openingPost(topic.id()).map(post -> post.id())
        .orElseThrow(() -> new NotFoundException("post", "opening post of topic " + topic.id()));
    return Optional.of(new Credit(topic, event.id().value(), at,
        new ReputationKeeper.Cause(voter.id(), topic.spaceId(), topic.id(), opening, topic.tags())));
  }

  /** The idea author's reputation one vote command moves, keyed by the command's event. */
  private final class Credit {
    private final Topic topic;
    private final long eventId;
    private final Instant at;
    private final ReputationKeeper.Cause cause;

    Credit(Topic topic, long eventId, Instant at, ReputationKeeper.Cause cause) {
      this.topic = topic;
      this.eventId = eventId;
      this.at = at;
      this.cause = cause;
    }

    void grant() {
      context.reputation().apply(topic.authorId(), ReputationReason.IDEA_UPVOTED, cause,
          ReputationKeeper.sourceKey(eventId, ReputationReason.IDEA_UPVOTED, false), at);
    }

    void withdraw() {
      context.reputation().reverse(topic.authorId(), ReputationReason.IDEA_UPVOTED, cause,
          ReputationKeeper.sourceKey(eventId, ReputationReason.IDEA_UPVOTED, true), at);
    }
  }
}
