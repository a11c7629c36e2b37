package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.insight.SentimentTrend;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.privacy.ErasureMode;
import dev.communitysdk.core.relay.OutboxRelay;
import dev.communitysdk.core.relay.RelaySettings;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmContact;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.EventId;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;

/**
 * The CRM sync, through the public API and the outbox relay: members are linked to CRM contacts on first sight, on
 * demand and by admins, and relinked when their customer account changes; their named, published posts, ideas,
 * reviews and accepted answers are recorded on their contacts once per key, anonymous content never; erased members'
 * links go and nothing of theirs is sent after; account spikes and reported trends reach the CRM as account health.
 * A CRM that fails often and is down for a while still ends up with every activity exactly once, in order per topic.
 */
public abstract class CrmSyncContract extends CommunityFixture {
  private static final Duration BACKOFF = Duration.ofSeconds(30);

  private final List<Community> nodes = new ArrayList<>();
  private final AtomicLong listenerFailures = new AtomicLong();
  /** A questions space. */
  private Space questions;
  /** An ideas space. */
  private Space ideas;
  /** A reviews space. */
  private Space reviews;
  /** A discussion space that allows anonymous posts. */
  private Space open;

  /** For adapters' tests. */
  protected CrmSyncContract() {}

  @BeforeEach
  void createSpaces() {
    questions = community.spaces().create(admin, SpaceDraft.of("support", "Support", SpaceKind.QUESTIONS)
        .withAnonymousPosting(true));
    ideas = community.spaces().create(admin, SpaceDraft.of("ideas", "Ideas", SpaceKind.IDEAS));
    reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
    open = community.spaces().create(admin, SpaceDraft.of("open", "Open talk", SpaceKind.DISCUSSION)
        .withAnonymousPosting(true));
  }

  @AfterEach
  void closeNodes() {
    nodes.forEach(Community::close);
  }

  /**
   * The relay of a node sharing the test's store and CRM, retrying often and soon; host listeners follow the CRM
   * route.
   */
  private OutboxRelay relay(CommunityEventListener... listeners) {
    Community.Builder builder = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
        .crmProfileTtl(Duration.ZERO).relay(RelaySettings.defaults().withNodeId("crm-node").withMaxAttempts(10_000)
            .withBackoff(Duration.ofSeconds(1), BACKOFF));
    for (CommunityEventListener listener : listeners) {
      builder.listener(listener);
    }
    Community node = builder.build();
    nodes.add(node);
    return node.relay();
  }

  /**
   * Drains until nothing is left: the clock moves past the longest backoff before each drain, so every event not yet
   * delivered is due, and a drain that delivers nothing while neither the CRM nor a listener fails found none.
   */
  private void drainAll(OutboxRelay relay) {
    for (int round = 0; round < 1000; round++) {
      clock.advance(BACKOFF.plusSeconds(1));
      long failures = failures();
      if (relay.drainOnce() == 0 && failures() == failures) {
        return;
      }
    }
    throw new AssertionError("the outbox still holds events after 1000 drains");
  }

  private long failures() {
    return crm.failures() + listenerFailures.get();
  }

  private Actor customer(String userId, String account) {
    identities.register(userId, "Customer " + userId, Optional.of(userId + "@example.com"), Optional.of(account));
    return community.actor(userId);
  }

  private Set<String> keys() {
    return crm.activities().stream().map(CrmActivity::idempotencyKey).collect(Collectors.toSet());
  }

  private static String postKey(PostId postId) {
    return "community-post-" + postId.value() + "-published";
  }

  private String contactOf(Actor actor) {
    return crm.contact(actor.userId()).map(CrmContact::contactId).orElseThrow();
  }

  @Nested
  @DisplayName("linking")
  class Linking {
    @Test
    @DisplayName("a member who joins is linked to their contact and account")
    void joining_links() {
      Actor dora = customer("dora", "acme");
      drainAll(relay());

      assertThat(crm.contact("dora")).contains(new CrmContact("contact-dora", Optional.of("acme")));
      assertThat(community.crm().findLink(admin, dora.memberId())).hasValueSatisfying(link -> {
        assertThat(link.contactId()).isEqualTo("contact-dora");
        assertThat(link.accountId()).contains("acme");
        assertThat(link.manual()).isFalse();
      });
    }

    @Test
    @DisplayName("a member not linked yet is linked before their first activity is recorded")
    void activity_linksOnDemand() {
      Actor dora = customer("dora", "acme");
      store.transactor().inTransaction(() -> store.crmLinks().delete(dora.memberId()));
      community.topics().start(dora, discussion.id(), TopicDraft.of("Router drops Wi-Fi", "Every hour", "wifi"));
      // The CRM is down while the join is delivered, so the link waits for the activity.
      OutboxRelay relay = relay();
      crm.down(true);
      relay.drainOnce();
      crm.down(false);
      drainAll(relay);

      assertThat(community.crm().findLink(admin, dora.memberId())).isPresent();
      assertThat(crm.activities()).extracting(CrmActivity::contactId).containsExactly("contact-dora");
    }

    @Test
    @DisplayName("a change of the member's customer account relinks them; an admin's link stays as set")
    void accountChange_relinks() {
      Actor dora = customer("dora", "acme");
      OutboxRelay relay = relay();
      drainAll(relay);
      identities.register("dora", "Customer dora", Optional.of("dora@example.com"), Optional.of("globex"));
      community.members().refresh("dora");
      drainAll(relay);
      assertThat(community.crm().findLink(admin, dora.memberId())).map(CrmLink::accountId)
          .contains(Optional.of("globex"));
      assertThat(crm.contact("dora")).contains(new CrmContact("contact-dora", Optional.of("globex")));

      CrmLink set = community.crm().link(admin, dora.memberId(), "003-DORA", Optional.of("initech"));
      identities.register("dora", "Dora Renamed", Optional.of("dora@example.com"), Optional.of("umbrella"));
      community.members().refresh("dora");
      drainAll(relay);
      assertThat(community.crm().findLink(admin, dora.memberId())).contains(set);
    }

    @Test
    @DisplayName("an admin links a member explicitly, and activity goes to that contact")
    void admin_linksExplicitly() {
      CrmLink link = community.crm().link(admin, alice.memberId(), "003-ALICE", Optional.of("acme"));
      assertThat(link.manual()).isTrue();
      startTopic(alice, "Alice asks about routers");
      drainAll(relay());

      assertThat(community.crm().findLink(admin, alice.memberId())).contains(link);
      assertThat(crm.activities()).extracting(CrmActivity::contactId).containsExactly("003-ALICE");
    }

    @Test
    @DisplayName("only admins link, ids are checked, and erased members cannot be linked")
    void admin_linkChecks() {
      assertThatThrownBy(() -> community.crm().link(alice, bob.memberId(), "003", Optional.empty()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.crm().findLink(alice, bob.memberId()))
          .isInstanceOf(PermissionDeniedException.class);
      assertRejected("contactId", () -> community.crm().link(admin, bob.memberId(), " ", Optional.empty()));
      assertRejected("accountId",
          () -> community.crm().link(admin, bob.memberId(), "003", Optional.of("a".repeat(201))));
      community.members().erase(admin, carol.memberId(), ErasureMode.KEEP_CONTENT);
      assertThatThrownBy(() -> community.crm().link(admin, carol.memberId(), "003", Optional.empty()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("member.status"));
    }

    @Test
    @DisplayName("erasing a member deletes their link, and nothing of theirs reaches the CRM afterwards")
    void erasure_unlinksAndSendsNothing() {
      Actor dora = customer("dora", "acme");
      OutboxRelay relay = relay();
      drainAll(relay);
      ThreadView question = community.questions().ask(alice, questions.id(),
          TopicDraft.of("How do I reset the router", "It hangs", "router"));
      PostView answer = community.posts().reply(dora, question.topic().id(), "Hold the button for ten seconds");
      startTopic(dora, "Dora's last topic here");

      community.members().erase(admin, dora.memberId(), ErasureMode.KEEP_CONTENT);
      community.questions().accept(alice, question.topic().id(), answer.id());
      drainAll(relay);

      assertThat(community.crm().findLink(admin, dora.memberId())).isEmpty();
      assertThat(crm.activities()).extracting(CrmActivity::contactId).doesNotContain("contact-dora");
      assertThat(crm.activities()).extracting(CrmActivity::kind).containsExactly("topic.started");
    }
  }

  @Nested
  @DisplayName("activity")
  class Activity {
    @Test
    @DisplayName("named topics, replies, ideas, reviews and accepted answers are recorded once; anonymous ones never")
    void namedContent_recordedOnce() {
      ThreadView topic = community.topics().start(alice, open.id(), TopicDraft.of("Named topic in open", "Hi", "x"));
      PostView reply = community.posts().reply(bob, topic.topic().id(), "A named reply");
      PostView anonymousReply = community.posts().replyAnonymously(carol, topic.topic().id(), "A hidden reply");
      ThreadView anonymousTopic = community.topics().start(bob, open.id(),
          TopicDraft.of("Anonymous topic in open", "Psst", "x").anonymously());
      ThreadView question = community.questions().ask(alice, questions.id(),
          TopicDraft.of("Which firmware is stable", "Asking", "firmware"));
      PostView answer = community.posts().reply(bob, question.topic().id(), "Version 2.1");
      community.questions().accept(alice, question.topic().id(), answer.id());
      ThreadView secret = community.questions().ask(carol, questions.id(),
          TopicDraft.of("A question asked anonymously", "Asking", "firmware").anonymously());
      PostView anonymousAnswer = community.posts().replyAnonymously(bob, secret.topic().id(), "Try 2.2");
      community.questions().accept(carol, secret.topic().id(), anonymousAnswer.id());
      TopicId idea = community.ideas().propose(carol, ideas.id(), TopicDraft.of("Dark mode for the portal", "Please"))
          .idea().topic().id();
      TopicId review = community.reviews().write(alice, reviews.id(),
          ReviewDraft.of("router-x1", 4, "Solid router for home", "Works well")).topic().id();
      // A host listener after the CRM route fails each event once, so the route gets every event twice.
      Set<EventId> seen = ConcurrentHashMap.newKeySet();
      drainAll(relay(event -> {
        if (seen.add(event.id())) {
          listenerFailures.incrementAndGet();
          throw new IllegalStateException("first delivery of " + event.idempotencyKey() + " fails");
        }
      }));
      List<CommunityEvent> accepted = events().stream().filter(e -> e.type().equals("answer.accepted")).toList();
      assertThat(seen).hasSize(events().size());

      assertThat(crm.activities()).extracting(CrmActivity::kind, CrmActivity::contactId).containsExactlyInAnyOrder(
          tuple("topic.started", contactOf(alice)), tuple("post.replied", contactOf(bob)),
          tuple("topic.started", contactOf(alice)), tuple("post.replied", contactOf(bob)),
          tuple("answer.accepted", contactOf(bob)), tuple("idea.proposed", contactOf(carol)),
          tuple("review.posted", contactOf(alice)));
      assertThat(keys()).contains(postKey(reply.id()), accepted.get(0).idempotencyKey() + "-answer.accepted")
          .doesNotContain(postKey(anonymousReply.id()), postKey(anonymousAnswer.id()),
              postKey(opening(anonymousTopic).id()), postKey(opening(secret).id()),
              accepted.get(1).idempotencyKey() + "-answer.accepted");
      assertThat(crm.activities()).filteredOn(a -> a.kind().equals("review.posted")).singleElement()
          .satisfies(a -> assertThat(a.summary()).contains("router-x1", "4 stars"));
      assertThat(crm.activities()).filteredOn(a -> a.kind().equals("idea.proposed")).extracting(CrmActivity::summary)
          .containsExactly("Proposed the idea \"Dark mode for the portal\"");
      assertThat(keys()).contains(postKey(openingOf(idea)), postKey(openingOf(review)));
    }

    @Test
    @DisplayName("a post waiting for moderation is recorded when approved, once, even if hidden and approved again")
    void pending_recordedWhenApproved() {
      Space moderated = community.spaces().create(admin, SpaceDraft.of("premod", "Pre-moderated", SpaceKind.DISCUSSION)
          .withModeration(ModerationMode.ALL));
      ThreadView waiting = community.topics().start(alice, moderated.id(),
          TopicDraft.of("Waiting for a moderator", "Body", "x"));
      OutboxRelay relay = relay();
      drainAll(relay);
      assertThat(crm.activities()).isEmpty();

      community.moderation().approve(moderator, opening(waiting).id());
      drainAll(relay);
      assertThat(keys()).containsExactly(postKey(opening(waiting).id()));
    }
  }

  @Nested
  @DisplayName("account health")
  class Health {
    @Test
    @DisplayName("a spike of an account's negative posts reaches the CRM as an alert with the account's trend")
    void accountSpike_pushed() {
      Actor customer = customer("cathy", "acme");
      ThreadView thread = startTopic(moderator, "Weekly product chat");
      for (int day = 0; day < 28; day++) {
        community.posts().reply(customer, thread.topic().id(), day % 7 == 0 ? "Bad day" : "Good day");
        clock.advance(Duration.ofDays(1));
      }
      for (int i = 0; i < 12; i++) {
        community.posts().reply(customer, thread.topic().id(), i < 10 ? "Bad outage" : "Fine");
      }
      assertThat(community.insights().detectSpikes(admin)).extracting(s -> s.scope())
          .contains(SentimentScope.account("acme"));
      OutboxRelay relay = relay();
      drainAll(relay);

      assertThat(crm.accountHealth()).singleElement().satisfies(health -> {
        assertThat(health.accountId()).isEqualTo("acme");
        assertThat(health.spike()).hasValueSatisfying(s -> assertThat(s).contains("10 of " + health.samples()));
        assertThat(health.samples()).as("the 12 posts of today and those of the window's six days before")
            .isEqualTo(18);
        assertThat(health.averageSentiment()).isNegative();
        assertThat(health.trend()).isNegative();
      });
    }

    @Test
    @DisplayName("an admin reports every account's trend, and each report reaches the CRM once")
    void reportedTrends_pushedOnce() {
      Actor acme = customer("cathy", "acme");
      Actor globex = customer("gus", "globex");
      startTopic(acme, "Good service from support");
      startTopic(globex, "Bad outage again today");
      startTopic(alice, "Nobody's account post here");

      List<SentimentTrend> reported = community.crm().reportAccountHealth(admin, 7);
      OutboxRelay relay = relay();
      drainAll(relay);
      drainAll(relay);

      assertThat(reported).extracting(t -> t.scope().key()).containsExactly("acme", "globex");
      assertThat(crm.accountHealth()).extracting(AccountHealth::accountId).containsExactly("acme", "globex");
      assertThat(crm.accountHealth()).allSatisfy(health -> {
        assertThat(health.spike()).isEmpty();
        assertThat(health.samples()).isEqualTo(1);
        assertThat(health.periodEnd()).isEqualTo(health.periodStart().plusDays(6));
      });
      assertThat(crm.accountHealth().get(1).averageSentiment()).isNegative();
      assertThatThrownBy(() -> community.crm().reportAccountHealth(alice, 7))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.crm().reportAccountHealth(admin, 0))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("days"));
    }
  }

  @Nested
  @DisplayName("faults")
  class Faults {
    @Test
    @DisplayName("a CRM failing 30% of calls and down for a while still gets every activity once, in order per topic")
    void flakyCrm_everyActivityOnce() {
      crm.failRandomly(0.3, 7);
      OutboxRelay relay = relay();
      List<Actor> members = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        members.add(i % 2 == 0 ? customer("customer-" + i, "account-" + (i % 3)) : community.actor(
            identities.register("member-" + i, "Member " + i).userId()));
      }
      Map<String, TopicId> expected = new LinkedHashMap<>();
      Set<PostId> anonymous = new HashSet<>();
      for (int round = 0; round < 8; round++) {
        if (round == 3) {
          crm.down(true);
        }
        if (round == 5) {
          crm.down(false);
        }
        Actor asker = members.get(round % members.size());
        Actor answerer = members.get((round + 1) % members.size());
        Actor other = members.get((round + 2) % members.size());
        ThreadView question = community.questions().ask(asker, questions.id(),
            TopicDraft.of("Question number " + round + " about routers", "Help", "router"));
        expected.put(postKey(opening(question).id()), question.topic().id());
        PostView answer = community.posts().reply(answerer, question.topic().id(), "Answer " + round);
        expected.put(postKey(answer.id()), question.topic().id());
        PostView hidden = community.posts().replyAnonymously(other, question.topic().id(), "Anonymous " + round);
        anonymous.add(hidden.id());
        community.questions().accept(asker, question.topic().id(), round % 2 == 0 ? answer.id() : hidden.id());
        ThreadView talk = community.topics().start(other, open.id(),
            TopicDraft.of("Discussion number " + round + " here", "Talk", "talk"));
        expected.put(postKey(opening(talk).id()), talk.topic().id());
        PostView reply = community.posts().reply(asker, talk.topic().id(), "Reply " + round);
        expected.put(postKey(reply.id()), talk.topic().id());
        ThreadView secret = community.topics().start(answerer, open.id(),
            TopicDraft.of("Secret number " + round + " here", "Psst", "talk").anonymously());
        anonymous.add(opening(secret).id());
        if (round < members.size()) {
          TopicId review = community.reviews().write(members.get(round), reviews.id(), ReviewDraft.of(
              "product-" + round, 1 + round % 5, "Review number " + round + " here", "Text")).topic().id();
          expected.put(postKey(openingOf(review)), review);
        }
        for (int drain = 0; drain < 2; drain++) {
          relay.drainOnce();
          clock.advance(Duration.ofSeconds(30));
        }
      }
      Map<String, Long> eventOf = new HashMap<>();
      for (CommunityEvent event : events()) {
        if (event.type().equals("post.created")) {
          eventOf.putIfAbsent(postKey(new PostId(field(event, "postId"))), event.id().value());
        } else if (event.type().equals("answer.accepted")) {
          PostId answerId = new PostId(field(event, "answerId"));
          if (!anonymous.contains(answerId)) {
            expected.put(event.idempotencyKey() + "-answer.accepted", new TopicId(event.aggregateId()));
          }
          eventOf.put(event.idempotencyKey() + "-answer.accepted", event.id().value());
        }
      }

      drainAll(relay);

      assertThat(crm.failures()).as("the CRM failed along the way").isPositive();
      assertThat(crm.activities()).extracting(CrmActivity::idempotencyKey).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
      assertThat(keys()).doesNotContainAnyElementsOf(anonymous.stream().map(CrmSyncContract::postKey).toList());
      Map<TopicId, List<Long>> perTopic = new HashMap<>();
      for (CrmActivity activity : crm.activities()) {
        perTopic.computeIfAbsent(expected.get(activity.idempotencyKey()), t -> new ArrayList<>())
            .add(eventOf.get(activity.idempotencyKey()));
      }
      assertThat(perTopic.values()).as("activities in event order per topic").allSatisfy(ids -> assertThat(ids)
          .isSorted());
      assertThat(relay.deadLetters(admin, Optional.empty(), 100)).isEmpty();
      int before = crm.activities().size();
      clock.advance(Duration.ofDays(1));
      relay.drainOnce();
      assertThat(crm.activities()).as("nothing more to deliver").hasSize(before);
    }
  }

  private PostId openingOf(TopicId topicId) {
    return opening(community.topics().thread(alice, topicId, Optional.empty(), 1)).id();
  }

  private static long field(CommunityEvent event, String name) {
    try {
      return JsonMapper.builder().build().readTree(event.payload()).path(name).longValue();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
