package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.RateLimitedException;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;

/**
 * Rate limits through the public API, with their defaults ({@link RateLimits#defaults()}): new members 3 topics and
 * 10 replies in their first 24 hours, everyone 20 topics and 50 votes a day, staff exempt, each refusal a
 * {@link RateLimitedException} naming the limit and when to retry, and nothing written by a refused command. Extend it
 * like {@link CommunityContract}.
 */
public abstract class RateLimitsContract extends CommunityFixture {
  /** The fixture's community with the default rate limits, on the same store and members. */
  protected Community limited;
  /** An ideas space. */
  protected Space ideas;

  @BeforeEach
  void buildLimitedCommunity() {
    limited = Community.builder().store(store).identity(identities).clock(clock).rateLimits(RateLimits.defaults())
        .privileges(PrivilegeRules.stackExchange().with(Privilege.UPVOTE, 0).with(Privilege.DOWNVOTE, 0)).build();
    ideas = limited.spaces().create(admin, SpaceDraft.of("ideas", "Ideas", SpaceKind.IDEAS));
  }

  private ThreadView start(Community community, Actor author, int n) {
    return community.topics().start(author, discussion.id(), TopicDraft.of("Topic number " + n + " here", "Body " + n));
  }

  private Instant firstSeen(Actor actor) {
    return store.transactor().inTransaction(() -> store.members().find(actor.memberId())).orElseThrow().createdAt();
  }

  /** Gives a member enough reputation to leave the new members' limits behind. */
  private void establish(Actor actor) {
    store.transactor().inTransaction(() -> store.members().addReputation(actor.memberId(), 100));
  }

  private static void assertLimited(String limit, Instant retryAfter, Runnable action) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.limit()).isEqualTo(limit);
      assertThat(e.retryAfter()).isEqualTo(retryAfter);
    });
  }

  @Nested
  @DisplayName("new members")
  class NewMembers {
    @Test
    @DisplayName("start 3 topics in their first 24 hours; the 4th is refused until the day is over, writing nothing")
    void fourthTopic_isRefusedUntilTheFirstDayEnds() {
      IntStream.rangeClosed(1, 3).forEach(n -> start(limited, alice, n));
      int events = eventCount();

      assertLimited(RateLimits.NEW_MEMBER_TOPICS, firstSeen(alice).plus(Duration.ofHours(24)),
          () -> start(limited, alice, 4));
      assertThat(eventCount()).isEqualTo(events);

      clock.set(firstSeen(alice).plus(Duration.ofHours(24)));
      assertThat(start(limited, alice, 4).topic().title()).isEqualTo("Topic number 4 here");
    }

    @Test
    @DisplayName("questions, ideas and reviews count as topics")
    void ideasQuestionsAndReviews_countAsTopics() {
      Space questions = limited.spaces().create(admin, SpaceDraft.of("qa", "Questions", SpaceKind.QUESTIONS));
      Space reviews = limited.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
      limited.ideas().propose(alice, ideas.id(), TopicDraft.of("An idea worth having", "Body"));
      limited.topics().start(alice, questions.id(), TopicDraft.of("A question worth asking", "Body"));
      limited.reviews().write(alice, reviews.id(),
          dev.communitysdk.core.review.ReviewDraft.of("router-x1", 4, "A review worth reading", "Body"));

      assertLimited(RateLimits.NEW_MEMBER_TOPICS, firstSeen(alice).plus(Duration.ofHours(24)),
          () -> start(limited, alice, 4));
    }

    @Test
    @DisplayName("write 10 replies in their first 24 hours; the 11th is refused")
    void eleventhReply_isRefused() {
      TopicId topic = start(limited, admin, 1).topic().id();
      IntStream.rangeClosed(1, 10).forEach(n -> limited.posts().reply(alice, topic, "Reply " + n));

      assertLimited(RateLimits.NEW_MEMBER_REPLIES, firstSeen(alice).plus(Duration.ofHours(24)),
          () -> limited.posts().reply(alice, topic, "Reply 11"));
      assertThat(limited.topics().thread(admin, topic, java.util.Optional.empty(), 100).posts()).hasSize(11);
    }

    @Test
    @DisplayName("8 concurrent topic starts by one new member: exactly 3 succeed, the others are rate limited")
    void concurrentStarts_exactlyThreeSucceed() throws InterruptedException {
      AtomicInteger started = new AtomicInteger();
      AtomicInteger limitedOnes = new AtomicInteger();
      List<Throwable> others = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

      runConcurrently(8, IntStream.rangeClosed(1, 8).boxed().toList(), n -> {
        try {
          start(limited, alice, n);
          started.incrementAndGet();
        } catch (RateLimitedException e) {
          limitedOnes.incrementAndGet();
        } catch (RuntimeException e) {
          others.add(e);
        }
      });

      assertThat(others).isEmpty();
      assertThat(started).hasValue(3);
      assertThat(limitedOnes).hasValue(5);
      assertThat(limited.topics().list(admin, ListingRequest.of(discussion.id(), ListingOrder.LATEST).limit(20))
          .items()).hasSize(3);
    }
  }

  @Nested
  @DisplayName("everyone")
  class Everyone {
    @Test
    @DisplayName("starts 20 topics a UTC day; the 21st is refused until midnight")
    void twentyFirstTopic_isRefusedUntilMidnight() {
      establish(bob);
      IntStream.rangeClosed(1, 20).forEach(n -> start(limited, bob, n));
      Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);

      assertLimited(RateLimits.TOPICS_PER_DAY, midnight, () -> start(limited, bob, 21));

      clock.set(midnight);
      assertThat(start(limited, bob, 21).posts()).hasSize(1);
    }

    @Test
    @DisplayName("casts 50 votes a day: post votes, idea votes and review helpfulness together; a retract refunds none")
    void fiftyFirstVote_isRefused() {
      TopicId topic = start(limited, admin, 1).topic().id();
      List<PostView> replies = IntStream.rangeClosed(1, 50)
          .mapToObj(n -> limited.posts().reply(admin, topic, "Reply " + n)).toList();
      TopicId idea = limited.ideas().propose(admin, ideas.id(), TopicDraft.of("An idea worth having", "Body"))
          .idea().topic().id();
      for (int i = 0; i < 49; i++) {
        limited.votes().up(alice, replies.get(i).id());
      }
      limited.votes().retract(alice, replies.get(0).id());
      limited.ideas().votes().up(alice, idea);
      Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);

      assertLimited(RateLimits.VOTES_PER_DAY, midnight, () -> limited.votes().up(alice, replies.get(49).id()));
      assertThat(limited.posts().find(admin, replies.get(49).id()).orElseThrow().score()).isZero();
    }
  }

  @Nested
  @DisplayName("staff and settings")
  class StaffAndSettings {
    @Test
    @DisplayName("staff are exempt")
    void staff_areExempt() {
      IntStream.rangeClosed(1, 25).forEach(n -> start(limited, moderator, n));

      assertThat(limited.topics().list(admin, ListingRequest.of(discussion.id(), ListingOrder.LATEST).limit(50))
          .items()).hasSize(25);
    }

    @Test
    @DisplayName("the limits are the builder's to set")
    void limits_areConfigurable() {
      Community strict = Community.builder().store(store).identity(identities).clock(clock)
          .rateLimits(new RateLimits(10, Duration.ofDays(7), 1, 10, 20, 50)).build();
      start(strict, carol, 1);

      assertLimited(RateLimits.NEW_MEMBER_TOPICS, firstSeen(carol).plus(Duration.ofDays(7)),
          () -> start(strict, carol, 2));
      assertThat(start(community, carol, 2).posts()).hasSize(1);
    }
  }
}
