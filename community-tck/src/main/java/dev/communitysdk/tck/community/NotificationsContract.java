package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.notification.DigestRun;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.relay.RelaySettings;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.notification.Digest;
import dev.communitysdk.spi.notification.Notification;
import dev.communitysdk.spi.notification.NotificationKind;
import dev.communitysdk.spi.notification.NotificationSink;

/**
 * Subscriptions and notifications through {@code Community.subscriptions()}, {@code notifications()} and the relay:
 * who is told of replies, mentions, accepted answers, idea status changes and badges, at which watching level, never
 * of their own actions or of what they cannot read when the relay delivers; digests; and a flaky sink that still ends
 * with every notification delivered once in effect.
 */
public abstract class NotificationsContract extends CommunityFixture {
  /** The sink the community under test notifies. */
  private final Inbox inbox = new Inbox();

  /** For adapters' tests. */
  protected NotificationsContract() {}

  @BeforeEach
  void notifyTheInbox() {
    community.close();
    community = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
        .crmProfileTtl(Duration.ZERO).rateLimits(RateLimits.unlimited()).privileges(privileges())
        .relay(RelaySettings.defaults().withMaxAttempts(1000).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5)))
        .notifications(inbox).build();
  }

  @Nested
  @DisplayName("Subscriptions")
  class Subscriptions {
    @Test
    @DisplayName("authors watch their topics and repliers track them, in the writing command")
    void autoFollow() {
      ThreadView thread = startTopic(alice, "Router drops Wi-Fi hourly");
      TopicId topic = thread.topic().id();
      community.posts().reply(bob, topic, "Same here");

      assertThat(level(alice, SubscriptionTarget.topic(topic))).contains(WatchLevel.WATCHING);
      assertThat(level(bob, SubscriptionTarget.topic(topic))).contains(WatchLevel.TRACKING);
      community.subscriptions().follow(carol, SubscriptionTarget.topic(topic), WatchLevel.MUTED);
      community.posts().reply(carol, topic, "Muted but replying");
      assertThat(level(carol, SubscriptionTarget.topic(topic))).as("a reply keeps an explicit level")
          .contains(WatchLevel.MUTED);
    }

    @Test
    @DisplayName("follow, change, unfollow and list one's own, page by page")
    void followAndList() {
      TopicId topic = startTopic(alice, "Firmware 2.1 released").topic().id();
      community.subscriptions().follow(carol, SubscriptionTarget.space(discussion.id()), WatchLevel.TRACKING);
      community.subscriptions().follow(carol, SubscriptionTarget.tag("wifi"), WatchLevel.WATCHING);
      Subscription changed =
          community.subscriptions().follow(carol, SubscriptionTarget.space(discussion.id()), WatchLevel.WATCHING);
      community.subscriptions().follow(carol, SubscriptionTarget.topic(topic), WatchLevel.MUTED);

      assertThat(changed.level()).isEqualTo(WatchLevel.WATCHING);
      Page<Subscription> first = community.subscriptions().list(carol, Optional.empty(), 2);
      Page<Subscription> second = community.subscriptions().list(carol, first.next(), 2);
      assertThat(first.items()).extracting(Subscription::target)
          .containsExactly(SubscriptionTarget.space(discussion.id()), SubscriptionTarget.tag("wifi"));
      assertThat(second.items()).extracting(Subscription::target).containsExactly(SubscriptionTarget.topic(topic));
      assertThat(second.next()).isEmpty();

      assertThat(community.subscriptions().unfollow(carol, SubscriptionTarget.tag("wifi"))).isTrue();
      assertThat(community.subscriptions().unfollow(carol, SubscriptionTarget.tag("wifi"))).isFalse();
      assertThat(community.subscriptions().list(carol, Optional.empty(), 10).items()).hasSize(2);
      assertThatThrownBy(() -> community.subscriptions().list(carol, Optional.empty(), 0))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    @DisplayName("cannot follow what the member cannot read, nor a malformed target")
    void unreadableTargets() {
      Space secret = community.spaces().create(admin,
          SpaceDraft.of("secret", "Secret", SpaceKind.DISCUSSION).privateToMembers());
      TopicId hidden = community.topics().start(admin, secret.id(), TopicDraft.of("Staff only topic", "Body"))
          .topic().id();

      assertThatThrownBy(() -> community.subscriptions()
          .follow(alice, SubscriptionTarget.space(secret.id()), WatchLevel.WATCHING))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.subscriptions()
          .follow(alice, SubscriptionTarget.topic(hidden), WatchLevel.WATCHING))
          .isInstanceOf(NotFoundException.class);
      assertRejected("target.key", () -> community.subscriptions()
          .follow(alice, SubscriptionTarget.tag("Not A Tag"), WatchLevel.WATCHING));
      assertRejected("target.key", () -> community.subscriptions()
          .follow(alice, new SubscriptionTarget(SubscriptionTarget.Kind.TOPIC, "x1"), WatchLevel.WATCHING));
      assertThat(community.subscriptions().list(alice, Optional.empty(), 10).items()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Replies")
  class Replies {
    @Test
    @DisplayName("reach the topic's watchers, not trackers, and never the replier")
    void watchersNotTrackersNotSelf() {
      TopicId topic = startTopic(alice, "Router drops Wi-Fi hourly").topic().id();
      PostView first = community.posts().reply(bob, topic, "Same here");
      drain();
      community.posts().reply(carol, topic, "Try channel 6");
      community.posts().reply(alice, topic, "Thanks both");
      drain();

      assertThat(inbox.to("alice")).extracting(Notification::kind, Notification::subject).containsExactly(
          tuple(NotificationKind.REPLY, "Bob replied in \"Router drops Wi-Fi hourly\""),
          tuple(NotificationKind.REPLY,
              "Carol replied in \"Router drops Wi-Fi hourly\""));
      assertThat(inbox.to("alice").get(0).topicId()).isEqualTo(topic.value());
      assertThat(inbox.to("alice").get(0).idempotencyKey()).contains(Long.toString(first.id().value()));
      assertThat(inbox.to("bob")).as("bob tracks: replies are flat, so none answers his post").isEmpty();
      assertThat(inbox.to("carol")).isEmpty();
    }

    @Test
    @DisplayName("reach space and tag watchers; a topic level overrides them, and muting wins among them")
    void spaceTagAndTopicLevels() {
      community.subscriptions().follow(carol, SubscriptionTarget.tag("help"), WatchLevel.WATCHING);
      community.subscriptions().follow(bob, SubscriptionTarget.space(discussion.id()), WatchLevel.WATCHING);
      community.subscriptions().follow(bob, SubscriptionTarget.tag("help"), WatchLevel.MUTED);
      community.subscriptions().follow(moderator, SubscriptionTarget.space(discussion.id()), WatchLevel.MUTED);
      TopicId loud = startTopic(alice, "Loud topic in general").topic().id();
      TopicId quiet = startTopic(alice, "Quiet topic in general").topic().id();
      community.subscriptions().follow(carol, SubscriptionTarget.topic(quiet), WatchLevel.MUTED);
      community.subscriptions().follow(moderator, SubscriptionTarget.topic(quiet), WatchLevel.WATCHING);

      community.posts().reply(admin, loud, "Reply to loud");
      community.posts().reply(admin, quiet, "Reply to quiet");
      drain();

      assertThat(topicsOf("carol")).as("watches the tag, muted the quiet topic").containsExactly(loud.value());
      assertThat(topicsOf("bob")).as("watches the space but muted the tag").isEmpty();
      assertThat(topicsOf("mod")).as("muted the space but watches the quiet topic").containsExactly(quiet.value());
      assertThat(topicsOf("alice")).containsExactlyInAnyOrder(loud.value(), quiet.value());
    }

    @Test
    @DisplayName("never reach a member removed from a private space before the relay delivers")
    void privateSpaceReaderRemoved() {
      Space club = community.spaces().create(admin,
          SpaceDraft.of("club", "Club", SpaceKind.DISCUSSION).privateToMembers());
      community.spaces().addMember(admin, club.id(), alice.memberId());
      community.spaces().addMember(admin, club.id(), bob.memberId());
      community.subscriptions().follow(alice, SubscriptionTarget.space(club.id()), WatchLevel.WATCHING);
      TopicId topic = community.topics().start(bob, club.id(), TopicDraft.of("Members only topic", "Body"))
          .topic().id();
      community.posts().reply(bob, topic, "First reply");
      drain();
      assertThat(inbox.to("alice")).hasSize(1);

      community.posts().reply(bob, topic, "Second reply");
      community.spaces().removeMember(admin, club.id(), alice.memberId());
      drain();

      assertThat(inbox.to("alice")).as("removed before delivery").hasSize(1);
    }

    @Test
    @DisplayName("never reach anyone about a reply deleted before the relay delivers")
    void deletedReply() {
      TopicId topic = startTopic(alice, "Soon gone reply here").topic().id();
      PostView reply = community.posts().reply(bob, topic, "Oops, wrong topic @" + handle(carol));
      community.posts().delete(bob, reply.id());
      drain();

      assertThat(inbox.delivered).isEmpty();
    }

    @Test
    @DisplayName("name an anonymous author \"Anonymous\", never the member")
    void anonymousSubjects() {
      Space open = community.spaces().create(admin,
          SpaceDraft.of("open", "Open", SpaceKind.DISCUSSION).withAnonymousPosting(true));
      TopicId topic = community.topics().start(alice, open.id(), TopicDraft.of("Sensitive question", "Body"))
          .topic().id();
      community.posts().replyAnonymously(bob, topic, "I had it too, @" + handle(carol));
      drain();

      assertThat(inbox.to("alice")).singleElement().satisfies(n -> {
        assertThat(n.subject()).isEqualTo("Anonymous replied in \"Sensitive question\"");
        assertThat(n.subject()).doesNotContain("Bob");
      });
      assertThat(inbox.to("carol")).singleElement().extracting(Notification::subject)
          .isEqualTo("Anonymous mentioned you in \"Sensitive question\"");
    }
  }

  @Nested
  @DisplayName("Mentions")
  class Mentions {
    @Test
    @DisplayName("reach the mentioned member unless they muted the topic, and never the author")
    void mentionedMembers() {
      TopicId topic = startTopic(alice, "Who knows routers").topic().id();
      community.subscriptions().follow(bob, SubscriptionTarget.topic(topic), WatchLevel.MUTED);
      community.posts().reply(carol, topic, "Ask @" + handle(bob) + " or @" + handle(moderator) + " or @"
          + handle(carol));
      drain();

      assertThat(inbox.to("mod")).extracting(Notification::kind, Notification::subject).containsExactly(
          tuple(NotificationKind.MENTION, "Carol mentioned you in \"Who knows routers\""));
      assertThat(inbox.to("bob")).as("muted overrides mentions").isEmpty();
      assertThat(inbox.to("carol")).as("no self-mention").isEmpty();
    }

    @Test
    @DisplayName("in a waiting post reach nobody until a moderator approves it, whichever event the relay sees first")
    void pendingMentionWaitsForApproval() {
      Space vetted = community.spaces().create(admin,
          SpaceDraft.of("vetted", "Vetted", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
      TopicId topic = community.topics().start(admin, vetted.id(), TopicDraft.of("Moderated topic", "Body"))
          .topic().id();
      PostView early = community.posts().reply(bob, topic, "Early @" + handle(carol));
      PostView late = community.posts().reply(bob, topic, "Late @" + handle(alice));
      assertThat(early.status()).isEqualTo(PostStatus.PENDING);
      drain();
      assertThat(inbox.delivered).as("nothing while pending").isEmpty();

      community.moderation().approve(moderator, early.id());
      drain();
      assertThat(inbox.to("carol")).extracting(Notification::kind).containsExactly(NotificationKind.MENTION);
      assertThat(inbox.to("admin")).extracting(Notification::kind).containsExactly(NotificationKind.REPLY);

      // The approval commits before the relay sees the mention: one notification in effect.
      community.moderation().approve(moderator, late.id());
      drain();
      assertThat(inbox.effects("alice")).extracting(Notification::kind).containsExactly(NotificationKind.MENTION);
      assertThat(inbox.effects("admin")).extracting(Notification::kind)
          .containsExactly(NotificationKind.REPLY, NotificationKind.REPLY);
    }

    @Test
    @DisplayName("in a rejected post never reach anyone")
    void rejectedPostNeverNotifies() {
      Space vetted = community.spaces().create(admin,
          SpaceDraft.of("vetted", "Vetted", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
      TopicId topic = community.topics().start(admin, vetted.id(), TopicDraft.of("Moderated topic", "Body"))
          .topic().id();
      PostView spam = community.posts().reply(bob, topic, "Buy now @" + handle(carol));
      community.moderation().reject(moderator, spam.id(), "spam");
      drain();

      assertThat(inbox.delivered).isEmpty();
    }
  }

  @Nested
  @DisplayName("Answers, ideas and badges")
  class AnswersIdeasBadges {
    @Test
    @DisplayName("an accepted answer reaches its author, and answering earns a badge")
    void acceptedAnswerAndBadge() {
      Space help = community.spaces().create(admin, SpaceDraft.of("help", "Help", SpaceKind.QUESTIONS));
      ThreadView question = community.questions().ask(alice, help.id(),
          TopicDraft.of("How do I reset the router?", "It hangs"));
      PostView answer = community.posts().reply(bob, question.topic().id(), "Hold the button for 10 seconds");
      community.questions().accept(alice, question.topic().id(), answer.id());
      drain();

      assertThat(inbox.to("bob")).extracting(Notification::kind)
          .contains(NotificationKind.BADGE_AWARDED, NotificationKind.ANSWER_ACCEPTED)
          .containsOnly(NotificationKind.BADGE_AWARDED, NotificationKind.ANSWER_ACCEPTED);
      assertThat(inbox.to("bob")).filteredOn(n -> n.kind() == NotificationKind.ANSWER_ACCEPTED).singleElement()
          .extracting(Notification::subject).isEqualTo("Your answer in \"How do I reset the router?\" was accepted");
      assertThat(inbox.to("bob")).filteredOn(n -> n.kind() == NotificationKind.BADGE_AWARDED)
          .extracting(Notification::subject).contains("You earned the first-answer badge (bronze)");
      assertThat(inbox.to("alice")).extracting(Notification::kind).as("the asker sees the answer, not her accept")
          .containsExactly(NotificationKind.REPLY);
    }

    @Test
    @DisplayName("an idea's new status reaches its author, voters and followers, not the employee who changed it")
    void ideaStatusChanged() {
      Space ideas = community.spaces().create(admin, SpaceDraft.of("ideas", "Ideas", SpaceKind.IDEAS));
      TopicId idea = community.ideas().propose(alice, ideas.id(), TopicDraft.of("Dark mode for the portal", "Please"))
          .idea().topic().id();
      community.ideas().votes().up(bob, idea);
      community.subscriptions().follow(carol, SubscriptionTarget.topic(idea), WatchLevel.TRACKING);
      community.ideas().votes().up(moderator, idea);
      community.subscriptions().follow(moderator, SubscriptionTarget.topic(idea), WatchLevel.MUTED);
      community.ideas().changeStatus(admin, idea, IdeaStatus.UNDER_REVIEW, "We are looking at it");
      drain();

      for (String member : List.of("alice", "bob", "carol")) {
        assertThat(inbox.to(member)).as(member).extracting(Notification::kind, Notification::subject)
            .containsExactly(tuple(NotificationKind.IDEA_STATUS_CHANGED,
                "\"Dark mode for the portal\" is now under review"));
      }
      assertThat(inbox.to("mod")).as("voted, then muted").isEmpty();
      assertThat(inbox.to("admin")).isEmpty();
    }
  }

  @Nested
  @DisplayName("Digests")
  class Digests {
    @Test
    @DisplayName("keep a digest reader's notifications and send them as one digest, once")
    void digestBatching() {
      community.notifications().chooseDelivery(alice, NotificationDelivery.DIGEST);
      assertThat(community.notifications().delivery(alice)).isEqualTo(NotificationDelivery.DIGEST);
      assertThat(community.notifications().delivery(bob)).isEqualTo(NotificationDelivery.IMMEDIATE);
      TopicId topic = startTopic(alice, "Digest me please").topic().id();
      community.posts().reply(bob, topic, "One");
      community.posts().reply(carol, topic, "Two @" + handle(alice));
      drain();

      assertThat(inbox.to("alice")).as("nothing immediate").isEmpty();
      Page<Notification> pending = community.notifications().pending(alice, Optional.empty(), 2);
      assertThat(pending.items()).extracting(Notification::kind)
          .containsExactly(NotificationKind.REPLY, NotificationKind.REPLY);
      assertThat(community.notifications().pending(alice, pending.next(), 2).items())
          .extracting(Notification::kind).containsExactly(NotificationKind.MENTION);

      assertThat(community.notifications().sendDigests()).isEqualTo(new DigestRun(1, 0));
      assertThat(community.notifications().sendDigests()).isEqualTo(new DigestRun(0, 0));

      assertThat(inbox.digests).singleElement().satisfies(digest -> {
        assertThat(digest.recipientUserId()).isEqualTo("alice");
        assertThat(digest.items()).extracting(Notification::kind)
            .containsExactly(NotificationKind.REPLY, NotificationKind.REPLY, NotificationKind.MENTION);
      });
      assertThat(community.notifications().pending(alice, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    @DisplayName("leave out what their reader can no longer read, when listed as when sent")
    void digestReaderRemoved() {
      Space club = community.spaces().create(admin,
          SpaceDraft.of("club", "Club", SpaceKind.DISCUSSION).privateToMembers());
      community.spaces().addMember(admin, club.id(), alice.memberId());
      community.spaces().addMember(admin, club.id(), bob.memberId());
      community.notifications().chooseDelivery(alice, NotificationDelivery.DIGEST);
      TopicId secret = community.topics().start(alice, club.id(), TopicDraft.of("Members only topic", "Body"))
          .topic().id();
      TopicId open = startTopic(alice, "Everyone may read this").topic().id();
      community.posts().reply(bob, secret, "A private reply");
      community.posts().reply(bob, open, "A public reply");
      drain();
      assertThat(community.notifications().pending(alice, Optional.empty(), 10).items())
          .extracting(Notification::topicId).containsExactly(secret.value(), open.value());

      community.spaces().removeMember(admin, club.id(), alice.memberId());

      Page<Notification> first = community.notifications().pending(alice, Optional.empty(), 1);
      assertThat(first.items()).as("the private reply, left out").isEmpty();
      assertThat(community.notifications().pending(alice, first.next(), 1).items())
          .extracting(Notification::topicId).containsExactly(open.value());
      assertThat(community.notifications().sendDigests()).isEqualTo(new DigestRun(1, 0));
      assertThat(inbox.digests).singleElement().satisfies(digest -> assertThat(digest.items())
          .extracting(Notification::topicId).containsExactly(open.value()));
    }

    @Test
    @DisplayName("keep nothing twice when events are redelivered, and resend a refused digest under the same key")
    void noDoubleDigest() {
      community.close();
      Set<Long> failedOnce = Collections.synchronizedSet(new HashSet<>());
      CommunityEventListener failsFirstTime = event -> {
        if (failedOnce.add(event.id().value())) {
          throw new IllegalStateException("host listener down once for " + event.idempotencyKey());
        }
      };
      community = Community.builder().store(store).identity(identities).clock(clock).rateLimits(RateLimits.unlimited())
          .relay(RelaySettings.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)))
          .notifications(inbox).listener(failsFirstTime).build();
      community.notifications().chooseDelivery(alice, NotificationDelivery.DIGEST);
      TopicId topic = startTopic(alice, "Redelivered events").topic().id();
      community.posts().reply(bob, topic, "Reply @" + handle(alice));
      drain();

      assertThat(failedOnce).as("every event was delivered twice").isNotEmpty();
      assertThat(community.notifications().pending(alice, Optional.empty(), 10).items())
          .extracting(Notification::kind).containsExactly(NotificationKind.REPLY, NotificationKind.MENTION);
      inbox.failDigests = 1;
      assertThat(community.notifications().sendDigests()).isEqualTo(new DigestRun(0, 1));
      community.posts().reply(carol, topic, "A later reply");
      drain();
      assertThat(community.notifications().sendDigests()).as("the refused digest, then one for the later reply")
          .isEqualTo(new DigestRun(2, 0));

      assertThat(inbox.digests).extracting(Digest::idempotencyKey).doesNotHaveDuplicates().hasSize(2);
      assertThat(inbox.digests.get(0).items()).extracting(Notification::kind)
          .containsExactly(NotificationKind.REPLY, NotificationKind.MENTION);
      assertThat(inbox.digests.get(1).items()).extracting(Notification::subject)
          .containsExactly("Carol replied in \"Redelivered events\"");
    }
  }

  @Test
  @DisplayName("a sink failing 30% of the time still ends with each notification delivered once in effect")
  void flakySinkDeliversEachOnceInEffect() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TopicId topic = startTopic(alice, "Flaky topic number " + i).topic().id();
      PostView reply = community.posts().reply(bob, topic, "Reply " + i + " for @" + handle(carol));
      expected.add("notification-reply-post-" + reply.id().value() + "-member-" + alice.memberId().value());
      expected.add("notification-mention-post-" + reply.id().value() + "-member-" + carol.memberId().value());
    }
    inbox.failureRate = 30;

    for (int round = 0; round < 300 && !inbox.effectKeys().containsAll(expected); round++) {
      community.relay().drainOnce();
      clock.advance(Duration.ofSeconds(5));
    }

    assertThat(inbox.failures).as("some deliveries failed").isPositive();
    assertThat(inbox.effectKeys()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(community.relay().deadLetters(admin, Optional.empty(), 100)).isEmpty();
  }

  /** Runs the relay until two rounds in a row deliver nothing, moving the clock past any retry's backoff. */
  private void drain() {
    int idle = 0;
    for (int round = 0; round < 50 && idle < 2; round++) {
      idle = community.relay().drainOnce() == 0 ? idle + 1 : 0;
      clock.advance(Duration.ofSeconds(5));
    }
  }

  private Optional<WatchLevel> level(Actor actor, SubscriptionTarget target) {
    return community.subscriptions().find(actor, target).map(Subscription::level);
  }

  private List<Long> topicsOf(String userId) {
    return inbox.to(userId).stream().map(Notification::topicId).toList();
  }

  private String handle(Actor actor) {
    return community.members().profile(actor.memberId()).orElseThrow().handle().orElseThrow();
  }

  /** Records what the community sends, failing on request. */
  private static final class Inbox implements NotificationSink {
    final List<Notification> delivered = Collections.synchronizedList(new ArrayList<>());
    final List<Digest> digests = Collections.synchronizedList(new ArrayList<>());
    private final Random random = new Random(42);
    int failureRate;
    int failures;
    int failDigests;

    @Override
    public synchronized void deliver(Notification notification) {
      if (random.nextInt(100) < failureRate) {
        failures++;
        throw new IllegalStateException("sink down for " + notification.idempotencyKey());
      }
      delivered.add(notification);
    }

    @Override
    public synchronized void deliverDigest(Digest digest) {
      if (failDigests > 0) {
        failDigests--;
        throw new IllegalStateException("digest sink down for " + digest.idempotencyKey());
      }
      digests.add(digest);
    }

    /** @return what reached the user, in order, duplicates included */
    List<Notification> to(String userId) {
      synchronized (delivered) {
        return delivered.stream().filter(n -> n.recipientUserId().equals(userId)).toList();
      }
    }

    /** @return what reached the user once deduped by key, in first-delivery order */
    List<Notification> effects(String userId) {
      Map<String, Notification> byKey = new LinkedHashMap<>();
      to(userId).forEach(n -> byKey.putIfAbsent(n.idempotencyKey(), n));
      return List.copyOf(byKey.values());
    }

    Set<String> effectKeys() {
      synchronized (delivered) {
        return delivered.stream().map(Notification::idempotencyKey).collect(Collectors.toSet());
      }
    }
  }
}
