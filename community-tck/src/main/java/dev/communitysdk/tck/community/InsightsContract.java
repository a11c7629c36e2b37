package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.insight.Granularity;
import dev.communitysdk.core.insight.NegativeTopic;
import dev.communitysdk.core.insight.SentimentSpike;
import dev.communitysdk.core.insight.SentimentTrend;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.sentiment.SentimentScore;

/**
 * Sentiment insights through the public API, on the storage adapter a subclass provides: every published post counted
 * once in its scopes (and moved on edit, delete and approval), daily and weekly series, trends, the most negative open
 * topics, spike alerts raised once, and access for staff only. A fixed analyzer makes the scores exact: bodies that
 * start with "Bad" score -0.8, with "Good" 0.8, anything else 0. Extend it like {@link CommunityContract}.
 */
public abstract class InsightsContract extends CommunityFixture {
  /** The community under test, with the fixed analyzer. */
  protected Community insightful;
  /** A member of the customer account {@code acme}. */
  protected Actor customer;
  /** An employee, who reads insights. */
  protected Actor analyst;

  @BeforeEach
  void buildInsightfulCommunity() {
    insightful = Community.builder().store(store).identity(identities).clock(clock)
        .privileges(PrivilegeRules.open())
        .sentiment(text -> text.startsWith("Bad") ? SentimentScore.of(-0.8)
            : text.startsWith("Good") ? SentimentScore.of(0.8) : SentimentScore.NEUTRAL)
        .build();
    identities.register("customer", "Cathy Customer", Optional.empty(), Optional.of("acme"));
    identities.register("analyst", "Ann Analyst", Role.EMPLOYEE);
    customer = insightful.actor("customer");
    analyst = insightful.actor("analyst");
  }

  /** Today as the community's clock sees it. */
  protected LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private ThreadView topic(Actor author, Space space, String title, String body, String... tags) {
    return insightful.topics().start(author, space.id(), TopicDraft.of(title, body, tags));
  }

  private SentimentBucket day(SentimentScope scope) {
    List<SentimentBucket> days = insightful.insights().sentiment(analyst, scope, today(), today(), Granularity.DAY);
    return days.isEmpty() ? new SentimentBucket(today(), 0, 0, 0, 0, 0) : days.get(0);
  }

  @Nested
  @DisplayName("Counting")
  class Counting {
    @Test
    @DisplayName("each published post counts once in the community, its space, its tags, its author and account")
    void fanOut() {
      ThreadView thread = topic(customer, discussion, "Invoices are confusing", "Bad layout", "billing");
      insightful.posts().reply(bob, thread.topic().id(), "Good point");
      insightful.posts().reply(carol, thread.topic().id(), "Neutral remark");

      SentimentBucket space = day(SentimentScope.space(discussion.id()));
      assertThat(space.posts()).isEqualTo(3);
      assertThat(space.negative()).isEqualTo(1);
      assertThat(space.positive()).isEqualTo(1);
      assertThat(space.neutral()).isEqualTo(1);
      assertThat(space.scoreSum()).isCloseTo(0.0, within(1e-9));
      assertThat(day(SentimentScope.community()).posts()).isEqualTo(3);
      assertThat(day(SentimentScope.tag("billing")).posts()).isEqualTo(3);
      assertThat(day(SentimentScope.account("acme"))).satisfies(b -> {
        assertThat(b.posts()).isEqualTo(1);
        assertThat(b.negative()).isEqualTo(1);
      });
      assertThat(day(SentimentScope.member(customer.memberId())).posts()).isEqualTo(1);
      assertThat(day(SentimentScope.member(bob.memberId())).positive()).isEqualTo(1);
    }

    @Test
    @DisplayName("edits move a post's sentiment, deletes take it out, anonymous posts name no member or account")
    void editDeleteAnonymous() {
      Space anonymous = insightful.spaces().create(admin,
          SpaceDraft.of("confessions", "Confessions", SpaceKind.DISCUSSION).withAnonymousPosting(true));
      ThreadView thread = topic(customer, anonymous, "Something to share", "Neutral opening");
      PostView reply = insightful.posts().reply(bob, thread.topic().id(), "Good news everyone");
      insightful.posts().edit(bob, reply.id(), reply.version(), "Bad news after all");
      SentimentBucket space = day(SentimentScope.space(anonymous.id()));
      assertThat(space.posts()).isEqualTo(2);
      assertThat(space.positive()).isZero();
      assertThat(space.negative()).isEqualTo(1);
      insightful.posts().delete(bob, reply.id());
      assertThat(day(SentimentScope.space(anonymous.id())).posts()).isEqualTo(1);
      insightful.posts().replyAnonymously(customer, thread.topic().id(), "Bad experience, anonymously");
      assertThat(day(SentimentScope.space(anonymous.id())).negative()).isEqualTo(1);
      assertThat(day(SentimentScope.account("acme")).posts()).as("the named opening post only").isEqualTo(1);
      assertThat(day(SentimentScope.member(customer.memberId())).negative()).isZero();
    }

    @Test
    @DisplayName("posts in a topic about a product count for the product, anonymous ones included")
    void product() {
      Space anonymous = insightful.spaces().create(admin,
          SpaceDraft.of("product-questions", "Product questions", SpaceKind.QUESTIONS).withAnonymousPosting(true));
      ThreadView thread = insightful.topics().start(customer, anonymous.id(),
          TopicDraft.of("The X200 router, reviewed", "Good range").aboutProduct("X200"));
      insightful.posts().replyAnonymously(bob, thread.topic().id(), "Bad firmware though");
      assertThat(thread.topic().productId()).contains("X200");
      SentimentBucket product = day(SentimentScope.product("X200"));
      assertThat(product.posts()).isEqualTo(2);
      assertThat(product.positive()).isEqualTo(1);
      assertThat(product.negative()).isEqualTo(1);
      assertThat(day(SentimentScope.product("other")).posts()).isZero();
      assertThatThrownBy(() -> insightful.topics().start(customer, anonymous.id(),
          TopicDraft.of("A product with spaces", "Body").aboutProduct("not a product id")))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("productId"));
    }

    @Test
    @DisplayName("a post waiting for approval counts only once approved")
    void pendingCountsOnApproval() {
      Space moderated = insightful.spaces().create(admin,
          SpaceDraft.of("moderated", "Moderated", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
      ThreadView thread = topic(customer, moderated, "Please approve this", "Bad service");
      assertThat(day(SentimentScope.space(moderated.id())).posts()).isZero();
      insightful.moderation().approve(moderator, thread.openingPost().orElseThrow().id());
      assertThat(day(SentimentScope.space(moderated.id())).negative()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Reading")
  class Reading {
    @Test
    @DisplayName("series come by day or by ISO week, and trends compare equal windows")
    void seriesAndTrend() {
      LocalDate start = today();
      topic(customer, discussion, "Day one topic here", "Good start");
      clock.advance(Duration.ofDays(1));
      topic(customer, discussion, "Day two topic here", "Bad follow-up");
      clock.advance(Duration.ofDays(7));
      topic(customer, discussion, "Week two topic here", "Bad again");
      SentimentScope scope = SentimentScope.space(discussion.id());

      List<SentimentBucket> days = insightful.insights().sentiment(analyst, scope, start, today(), Granularity.DAY);
      assertThat(days).extracting(SentimentBucket::start)
          .containsExactly(start, start.plusDays(1), start.plusDays(8));
      List<SentimentBucket> weeks = insightful.insights().sentiment(analyst, scope, start, today(), Granularity.WEEK);
      Map<LocalDate, Long> expected = new TreeMap<>();
      for (LocalDate posted : List.of(start, start.plusDays(1), start.plusDays(8))) {
        expected.merge(posted.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1L, Long::sum);
      }
      assertThat(weeks).extracting(SentimentBucket::start).containsExactlyElementsOf(expected.keySet());
      assertThat(weeks).extracting(SentimentBucket::posts).containsExactlyElementsOf(expected.values());

      SentimentTrend trend = insightful.insights().trend(analyst, scope, 7);
      assertThat(trend.recent().posts()).isEqualTo(1);
      assertThat(trend.previous().posts()).isEqualTo(2);
      assertThat(trend.meanChange()).isCloseTo(-0.8, within(1e-9));
      assertThat(trend.negativeShareChange()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    @DisplayName("the most negative open topics come first; closed topics and thin ones are left out")
    void mostNegativeOpenTopics() {
      ThreadView angry = topic(customer, discussion, "Everything is broken", "Bad bad bad");
      insightful.posts().reply(bob, angry.topic().id(), "Bad indeed");
      ThreadView mixed = topic(bob, discussion, "Mixed feelings here", "Good and bad");
      insightful.posts().reply(carol, mixed.topic().id(), "Bad for me");
      ThreadView closed = topic(carol, discussion, "Closed complaint here", "Bad thing");
      insightful.posts().reply(bob, closed.topic().id(), "Bad too");
      insightful.topics().close(carol, closed.topic().id());
      topic(carol, discussion, "A lonely bad post", "Bad alone");

      List<NegativeTopic> worst = insightful.insights().mostNegativeOpenTopics(analyst, discussion.id(), 2, 10);
      assertThat(worst).extracting(t -> t.topic().id()).containsExactly(angry.topic().id(), mixed.topic().id());
      assertThat(worst.get(0).sentiment().mean()).isCloseTo(-0.8, within(1e-9));
      assertThat(worst.get(1).sentiment().mean()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    @DisplayName("only staff read insights, and a bad range names the field")
    void access() {
      assertThatThrownBy(() -> insightful.insights().sentiment(alice, SentimentScope.community(), today(), today(),
          Granularity.DAY)).isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> insightful.insights().detectSpikes(alice)).isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> insightful.insights().sentiment(analyst, SentimentScope.community(), today(),
          today().minusDays(1), Granularity.DAY))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }
  }

  @Nested
  @DisplayName("Spikes")
  class Spikes {
    @Test
    @DisplayName("a significant rise of negative posts raises one spike per scope and window, with an event")
    void spikeRaisedOnce() {
      ThreadView thread = topic(moderator, discussion, "Weekly product chat", "Neutral start", "product-x");
      for (int day = 0; day < 28; day++) {
        insightful.posts().reply(day % 2 == 0 ? bob : carol, thread.topic().id(), day % 7 == 0 ? "Bad day" : "Good day");
        clock.advance(Duration.ofDays(1));
      }
      for (int i = 0; i < 12; i++) {
        insightful.posts().reply(i % 2 == 0 ? bob : customer, thread.topic().id(), i < 10 ? "Bad outage" : "Fine");
      }
      List<SentimentSpike> spikes = insightful.insights().detectSpikes(analyst);
      assertThat(spikes).extracting(SentimentSpike::scope)
          .contains(SentimentScope.space(discussion.id()), SentimentScope.tag("product-x"), SentimentScope.community())
          .doesNotContain(SentimentScope.account("acme"));
      assertThat(spikes).allSatisfy(spike -> assertThat(spike.z()).isGreaterThanOrEqualTo(2.33));
      assertThat(events()).filteredOn(e -> e.type().equals("sentiment.spike")).hasSize(spikes.size())
          .extracting(CommunityEvent::payload).anySatisfy(payload -> assertThat(payload).contains("\"TAG\""));
      assertThat(insightful.insights().detectSpikes(analyst)).isEmpty();
      clock.advance(Duration.ofDays(1));
      assertThat(insightful.insights().detectSpikes(analyst)).as("a new window may raise again").isNotEmpty();
    }

    @Test
    @DisplayName("a steady share of negative posts raises nothing")
    void steady_raisesNothing() {
      ThreadView thread = topic(moderator, discussion, "Weekly product chat", "Neutral start");
      for (int day = 0; day < 35; day++) {
        insightful.posts().reply(bob, thread.topic().id(), day % 3 == 0 ? "Bad day" : "Good day");
        insightful.posts().reply(carol, thread.topic().id(), day % 3 == 1 ? "Bad day" : "Good day");
        clock.advance(Duration.ofDays(1));
      }
      assertThat(insightful.insights().detectSpikes(analyst)).isEmpty();
    }
  }
}
