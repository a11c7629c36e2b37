package dev.communitysdk.tck.community;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.idea.IdeaView;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewView;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.TopicId;

/**
 * What one cell of the access matrix works on: the viewer, the space of the cell's case and the operation's kind, the
 * content seeded there once for every cell, and fresh content for the cells whose command goes through. A command
 * that is refused never reaches its target, so those cells get the seeded content instead of a fresh copy: the world
 * stays small and the matrix fast.
 *
 * @param community the community under test
 * @param actor the viewer
 * @param space the space the operation works in
 * @param seeded what was seeded in that space
 * @param reaches whether the command is expected to go through
 * @param world the world, for fresh content
 */
record AccessScene(Community community, Actor actor, Space space, AccessWorld.Seeded seeded, boolean reaches,
    AccessWorld world) {
  /** A question and an answer in it. */
  record Answered(TopicId question, PostId answer) {}

  /** A post, and the handle of a member it mentions. */
  record Mention(PostId post, String handle) {}

  /** Two open ideas, the first to be merged into the second. */
  record IdeaPair(TopicId duplicate, TopicId target) {}

  /** A question, asked alone at its instant. */
  record Asked(TopicId question, Instant at) {}

  /** @return the seeded discussion topic */
  ThreadView topic() {
    return seeded.topic().orElseThrow();
  }

  /** @return the seeded reply of the discussion topic with the index (0 to 2) */
  PostView reply(int index) {
    return seeded.replies().get(index);
  }

  /** @return the seeded question and its answer */
  Answered question() {
    return seeded.question().orElseThrow();
  }

  /** @return the seeded idea with the index (0 to 2) */
  IdeaView idea(int index) {
    return seeded.ideas().get(index);
  }

  /** @return the seeded review with the index (0 to 2) */
  ReviewView review(int index) {
    return seeded.reviews().get(index);
  }

  /** @return a topic by the author, new for commands that go through */
  TopicSummary freshTopic() {
    return reaches ? startTopic().topic() : topic().topic();
  }

  /** @return a topic the author closed, new for commands that go through */
  TopicSummary closedTopic() {
    return reaches ? community.topics().close(world.author(), startTopic().topic().id()) : topic().topic();
  }

  /** @return a topic the author (a moderator) locked, new for commands that go through */
  TopicSummary lockedTopic() {
    return reaches ? community.topics().lock(world.author(), startTopic().topic().id()) : topic().topic();
  }

  /** @return a reply by the author in the seeded topic, new for commands that go through */
  PostView freshReply() {
    return reaches ? community.posts().reply(world.author(), topic().topic().id(), "Another reply") : reply(0);
  }

  /** @return a reply of a new member, waiting for a moderator, new for commands that go through */
  PostView pendingReply() {
    return reaches ? community.posts().reply(world.newbie(), topic().topic().id(), "A first reply") : reply(0);
  }

  /** @return a reply by the author flagged by a new member, too lightly to hide it, new for commands that go through */
  PostView flaggedReply() {
    PostView reply = freshReply();
    if (reaches) {
      community.moderation().flags().flag(world.newbie(), reply.id(), FlagReason.OFF_TOPIC, Optional.empty());
    }
    return reply;
  }

  /** @return an anonymous reply by the author, new for commands that go through */
  PostView anonymousReply() {
    return reaches
        ? community.posts().replyAnonymously(world.author(), topic().topic().id(), "An anonymous reply")
        : reply(0);
  }

  /** @return the offender, silenced by the admin when the command goes through, so that there is a sanction to lift */
  MemberId silencedOffender() {
    MemberId offender = world.offender().memberId();
    if (reaches) {
      community.moderation().sanctions().silence(world.admin(), offender, Duration.ofDays(1), "Shouting");
    }
    return offender;
  }

  /** @return a reply by the author that mentions the viewer by handle */
  Mention mentionOfViewer() {
    String handle = community.members().profile(actor.memberId()).orElseThrow().handle().orElseThrow();
    PostView reply = community.posts().reply(world.author(), topic().topic().id(), "Over to you, @" + handle);
    return new Mention(reply.id(), handle.toLowerCase(Locale.ROOT));
  }

  /** @return a question with an answer, new for commands that go through */
  Answered answeredQuestion() {
    if (!reaches) {
      return question();
    }
    TopicId question = askQuestion();
    return new Answered(question, community.posts().reply(world.helper(), question, "Like this").id());
  }

  /** @return an open question by the author, without an answer, new for commands that go through */
  TopicId openQuestion() {
    return reaches ? askQuestion() : question().question();
  }

  /** @return an open question by the author that the admin escalated, new for commands that go through */
  TopicId escalatedQuestion() {
    if (!reaches) {
      return question().question();
    }
    TopicId question = askQuestion();
    community.escalations().escalate(world.admin(), question);
    return question;
  }

  /** @return a question by the author, asked at an instant nothing else was written at, in every cell */
  Asked loneQuestion() {
    Instant at = world.tick();
    return new Asked(askQuestion(), at);
  }

  /** @return a question whose answer the author accepted, new for commands that go through */
  Answered acceptedQuestion() {
    Answered answered = answeredQuestion();
    if (reaches) {
      community.questions().accept(world.author(), answered.question(), answered.answer());
    }
    return answered;
  }

  /** @return an idea by the author, new for commands that go through */
  TopicId freshIdea() {
    return reaches ? proposeIdea() : idea(0).idea().topic().id();
  }

  /** @return two open ideas, new for commands that go through */
  IdeaPair ideaPair() {
    return reaches
        ? new IdeaPair(proposeIdea(), proposeIdea())
        : new IdeaPair(idea(0).idea().topic().id(), idea(1).idea().topic().id());
  }

  /** @return two ideas, the first merged into the second by an admin, new for commands that go through */
  IdeaPair mergedIdeas() {
    IdeaPair pair = ideaPair();
    if (reaches) {
      community.ideas().markDuplicate(world.admin(), pair.duplicate(), pair.target(), "Same thing");
    }
    return pair;
  }

  /** @return a review by the author of a product of its own, new for commands that go through */
  ReviewView freshReview() {
    return reaches
        ? community.reviews().write(world.author(), space.id(),
            ReviewDraft.of(world.uniqueProduct(), 4, "A fresh review here", "Works well"))
        : review(0);
  }

  /** @return the ids of the items, for listings */
  static <T> List<T> ids(Optional<T> found) {
    return found.stream().toList();
  }

  private ThreadView startTopic() {
    return community.topics().start(world.author(), space.id(),
        TopicDraft.of("A topic to work on", "Some body", "matrix"));
  }

  private TopicId askQuestion() {
    return community.questions().ask(world.author(), space.id(),
        TopicDraft.of("How does the matrix work?", "Tell me", "matrix")).topic().id();
  }

  private TopicId proposeIdea() {
    return community.ideas().propose(world.author(), space.id(), TopicDraft.of("An idea to work on", "Why not"))
        .idea().topic().id();
  }
}
