package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.privacy.ErasureMode;
import dev.communitysdk.core.reputation.Window;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewView;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.notification.NotificationKind;

/**
 * Anonymity, the audit log, a member's data export and erasure, and edit history, through the public API on the
 * storage adapter a subclass provides. The anonymity tests read every view another member can reach and every event
 * in the outbox, and fail if any names the anonymous author; the erasure tests scan the views, the audit log and the
 * raw outbox payloads for the erased member's name, e-mail and host user id. Extend it like {@link CommunityContract}.
 */
public abstract class PrivacyContract extends CommunityFixture {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MEMBER_FIELDS = Set.of("memberId", "authorId", "voterId", "byMemberId", "userId");

  /** A public questions space that allows anonymous posts. */
  protected Space anonymousQuestions;
  /** A public discussion space that allows anonymous posts. */
  protected Space anonymousDiscussion;

  @BeforeEach
  void createAnonymousSpaces() {
    anonymousQuestions = community.spaces().create(admin,
        SpaceDraft.of("anon-questions", "Ask anonymously", SpaceKind.QUESTIONS).withAnonymousPosting(true));
    anonymousDiscussion = community.spaces().create(admin,
        SpaceDraft.of("anon-talk", "Talk anonymously", SpaceKind.DISCUSSION).withAnonymousPosting(true));
  }

  /** Every event in the outbox with its payload parsed. */
  protected List<JsonNode> payloads() {
    return events().stream().map(event -> parse(event.payload())).toList();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** @return the values of the member fields anywhere in the JSON tree */
  private static List<Long> memberFieldValues(JsonNode node) {
    List<Long> values = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (MEMBER_FIELDS.contains(field.getKey()) && field.getValue().isIntegralNumber()) {
          values.add(field.getValue().longValue());
        }
        values.addAll(memberFieldValues(field.getValue()));
      }
    } else if (node.isArray()) {
      StreamSupport.stream(node.spliterator(), false).forEach(element -> values.addAll(memberFieldValues(element)));
    }
    return values;
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(node -> node.get(field).asText()).toList();
  }

  private static String memberText(Actor actor) {
    return "MemberId[value=" + actor.memberId().value() + "]";
  }

  private ThreadView thread(Actor reader, TopicId topicId) {
    return community.topics().thread(reader, topicId, Optional.empty(), 50);
  }

  @Nested
  @DisplayName("Anonymity")
  class Anonymity {
    private TopicId question;
    private PostId answer;
    private TopicId carolsTopic;
    private PostId anonymousReply;
    private PostId deletedReply;
    private TopicId anonymousTopic;

    /**
     * Alice asks anonymously and accepts Bob's answer; replies anonymously to Carol, who up-votes it; edits and
     * deletes anonymous replies; starts an anonymous topic and closes it herself.
     */
    @BeforeEach
    void aliceActsAnonymously() {
      question = community.questions().ask(alice, anonymousQuestions.id(),
          TopicDraft.of("How do I reset my router?", "It keeps dropping", "router").anonymously()).topic().id();
      answer = community.posts().reply(bob, question, "Hold the reset button for ten seconds").id();
      community.votes().up(carol, answer);
      community.questions().accept(alice, question, answer);
      carolsTopic = startTopicIn(carol, anonymousDiscussion, "Which modem do you use?");
      PostView reply = community.posts().replyAnonymously(alice, carolsTopic, "The M2, happily");
      anonymousReply = reply.id();
      community.posts().edit(alice, anonymousReply, reply.version(), "The M2, very happily");
      community.votes().up(carol, anonymousReply);
      community.votes().up(bob, anonymousReply);
      deletedReply = community.posts().replyAnonymously(alice, carolsTopic, "Never mind").id();
      community.posts().delete(alice, deletedReply);
      anonymousTopic = community.topics().start(alice, anonymousDiscussion.id(),
          TopicDraft.of("A frank word about support", "Support was slow", "support").anonymously()).topic().id();
      community.topics().close(alice, anonymousTopic);
    }

    @Test
    @DisplayName("every view another member reads shows 'Anonymous' and never Alice's id, name or reputation")
    void views_neverNameTheAuthor() {
      for (Actor reader : List.of(bob, carol)) {
        List<Object> views = new ArrayList<>();
        views.add(thread(reader, question));
        views.add(thread(reader, carolsTopic));
        views.add(thread(reader, anonymousTopic));
        views.add(community.questions().answers(reader, question, Optional.empty(), 50));
        views.add(community.topics().list(reader, ListingRequest.of(anonymousDiscussion.id(), ListingOrder.LATEST)));
        views.add(community.topics().list(reader, ListingRequest.of(anonymousQuestions.id(), ListingOrder.ACTIVE)));
        views.add(community.posts().find(reader, anonymousReply));
        views.add(community.reputation().leaderboard(reader, LeaderboardScope.all(), Window.ALL_TIME, 100));
        views.add(community.reputation().history(reader, reader.memberId(), Optional.empty(), 500));
        views.add(community.questions().suggestExperts(reader, question, 10));
        for (Object view : views) {
          assertThat(view.toString()).as("a view %s reads", reader.userId())
              .doesNotContain(memberText(alice))
              .doesNotContain("Alice");
        }
      }
      assertThat(thread(bob, carolsTopic).posts()).filteredOn(post -> post.id().equals(anonymousReply))
          .singleElement()
          .satisfies(post -> assertThat(post.author())
              .isEqualTo(new AuthorRef(Optional.empty(), AuthorRef.ANONYMOUS_NAME, Optional.empty(), Optional.empty())));
      assertThat(thread(bob, question).topic().author().displayName()).isEqualTo(AuthorRef.ANONYMOUS_NAME);
    }

    @Test
    @DisplayName("no event about anonymous content names Alice: not as author, deleter, closer nor acceptor")
    void events_neverNameTheAuthor() {
      Set<Long> anonymousTopics = Set.of(question.value(), carolsTopic.value(), anonymousTopic.value());
      List<CommunityEvent> about = events().stream()
          .filter(event -> event.aggregateType().equals("topic") && anonymousTopics.contains(event.aggregateId()))
          .toList();
      assertThat(about).extracting(CommunityEvent::type).contains("topic.started", "post.created", "post.edited",
          "post.deleted", "vote.cast", "answer.accepted", "topic.status-changed");
      for (CommunityEvent event : about) {
        assertThat(memberFieldValues(parse(event.payload()))).as(event.type() + " " + event.payload())
            .doesNotContain(alice.memberId().value());
        assertThat(event.payload()).doesNotContain("Alice").doesNotContain("\"alice\"");
      }
    }

    @Test
    @DisplayName("anonymous content earns no reputation: Alice's total, history and leaderboard place stay empty")
    void reputation_isNotEarned() {
      assertThat(community.reputation().standing(admin, alice.memberId()).reputation()).isEqualTo(1);
      assertThat(community.reputation().history(alice, alice.memberId(), Optional.empty(), 500)).isEmpty();
      assertThat(community.reputation().leaderboard(admin, LeaderboardScope.all(), Window.ALL_TIME, 100))
          .noneMatch(entry -> entry.member().memberId().equals(Optional.of(alice.memberId())));
      List<ReputationEntry> bobs = community.reputation().history(bob, bob.memberId(), Optional.empty(), 500);
      assertThat(bobs).isNotEmpty().allSatisfy(entry ->
          assertThat(entry.causedBy()).isNotEqualTo(Optional.of(alice.memberId())));
    }

    @Test
    @DisplayName("a moderator reveals the author; the reveal is audited with who, when, which post and why")
    void reveal_byModerator_isAudited() {
      clock.advance(Duration.ofMinutes(5));
      AuthorRef revealed = community.moderation().revealAuthor(moderator, anonymousReply, "Threats reported by Carol");

      assertThat(revealed.memberId()).contains(alice.memberId());
      assertThat(revealed.displayName()).isEqualTo("Alice");
      List<AuditEntry> about = community.audit().about(moderator, alice.memberId(), Optional.empty(), 10);
      assertThat(about).singleElement().satisfies(entry -> {
        assertThat(entry.actorId()).isEqualTo(moderator.memberId());
        assertThat(entry.action()).isEqualTo("author.reveal");
        assertThat(entry.subjectId()).contains(alice.memberId());
        assertThat(entry.targetType()).contains("post");
        assertThat(entry.targetId()).contains(anonymousReply.value());
        assertThat(entry.detail()).isEqualTo("Threats reported by Carol");
        assertThat(entry.at()).isEqualTo(clock.instant());
      });
      assertThat(community.audit().by(admin, moderator.memberId(), Optional.empty(), 10)).isEqualTo(about);
    }

    @Test
    @DisplayName("a moderator reading an anonymous post's revisions, which name their editors, is audited as a reveal")
    void revisions_byModerator_areAudited() {
      assertThat(community.posts().revisions(alice, anonymousReply)).singleElement()
          .satisfies(revision -> assertThat(revision.editorId()).isEqualTo(alice.memberId()));
      assertThat(community.audit().about(admin, alice.memberId(), Optional.empty(), 10)).isEmpty();
      assertThatThrownBy(() -> community.posts().revisions(bob, anonymousReply))
          .isInstanceOf(PermissionDeniedException.class);

      community.posts().revisions(moderator, anonymousReply);

      assertThat(community.audit().about(admin, alice.memberId(), Optional.empty(), 10)).singleElement()
          .satisfies(entry -> {
            assertThat(entry.actorId()).isEqualTo(moderator.memberId());
            assertThat(entry.action()).isEqualTo("author.reveal");
            assertThat(entry.targetId()).contains(anonymousReply.value());
          });
    }

    @Test
    @DisplayName("members cannot reveal nor read the audit log; nothing is audited for a refused reveal")
    void reveal_byMember_isDenied() {
      int before = eventCount();
      for (Actor member : List.of(alice, bob, carol)) {
        assertThatThrownBy(() -> community.moderation().revealAuthor(member, anonymousReply, "curious"))
            .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> community.audit().about(member, alice.memberId(), Optional.empty(), 10))
            .isInstanceOf(PermissionDeniedException.class);
      }
      assertThat(community.audit().about(admin, alice.memberId(), Optional.empty(), 10)).isEmpty();
      assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("a reveal needs a reason and an anonymous post")
    void reveal_badInput_isRefused() {
      assertThatThrownBy(() -> community.moderation().revealAuthor(moderator, anonymousReply, " "))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
      assertThatThrownBy(() -> community.moderation().revealAuthor(moderator, answer, "who wrote this?"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.anonymous"));
      assertThatThrownBy(() -> community.moderation().revealAuthor(moderator, new PostId(987_654_321L), "why"))
          .isInstanceOf(NotFoundException.class);
      assertThat(community.audit().about(admin, alice.memberId(), Optional.empty(), 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("Export")
  class Export {
    @Test
    @DisplayName("a member's export holds their profile, posts (anonymous ones too), revisions, votes and reputation")
    void export_holdsTheMembersData() {
      identities.register("alice", "Alice", Optional.of("alice@example.com"), Optional.empty());
      community.members().refresh("alice");
      ThreadView own = startTopic(alice, "Alice asks about firmware");
      PostView reply = community.posts().reply(alice, opening(startTopic(bob, "Bob's thread on modems")).topicId(),
          "Alice's first reply");
      community.posts().edit(alice, reply.id(), reply.version(), "Alice's edited reply");
      TopicId carols = startTopicIn(carol, anonymousDiscussion, "Carol asks about VPNs");
      PostId anonymous = community.posts().replyAnonymously(alice, carols, "Alice's anonymous reply").id();
      PostId bobs = opening(startTopic(bob, "Bob's second thread")).id();
      community.votes().up(alice, bobs);
      community.votes().up(bob, opening(own).id());
      Space ideas = community.spaces().create(admin, SpaceDraft.of("ideas", "Ideas", SpaceKind.IDEAS));
      TopicId idea = community.ideas().propose(bob, ideas.id(), TopicDraft.of("Dark mode for the portal", "Please"))
          .idea().topic().id();
      community.ideas().votes().up(alice, idea);
      Space reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
      ReviewView review = community.reviews().write(alice, reviews.id(),
          ReviewDraft.of("router-x1", 4, "Solid router for home", "Alice's review body"));
      community.votes().up(carol, opening(own).id()); // 21 reputation: enough to flag
      community.moderation().flags().flag(alice, bobs, FlagReason.OFF_TOPIC, Optional.of("Not about modems"));
      community.subscriptions().follow(alice, SubscriptionTarget.tag("firmware"), WatchLevel.TRACKING);
      community.notifications().chooseDelivery(alice, NotificationDelivery.DIGEST);

      JsonNode export = parse(community.members().export(alice, alice.memberId()));

      assertThat(export.get("format").asText()).isEqualTo("community-member-export");
      JsonNode profile = export.get("profile");
      assertThat(profile.get("memberId").asLong()).isEqualTo(alice.memberId().value());
      assertThat(profile.get("userId").asText()).isEqualTo("alice");
      assertThat(profile.get("displayName").asText()).isEqualTo("Alice");
      assertThat(profile.get("email").asText()).isEqualTo("alice@example.com");
      assertThat(texts(export.get("posts"), "source")).containsExactly("Body of Alice asks about firmware",
          "Alice's edited reply", "Alice's anonymous reply", "Alice's review body");
      assertThat(export.get("posts")).filteredOn(post -> post.get("postId").asLong() == anonymous.value())
          .singleElement().satisfies(post -> assertThat(post.get("anonymous").asBoolean()).isTrue());
      assertThat(export.get("posts")).filteredOn(post -> post.get("postId").asLong() == reply.id().value())
          .singleElement().satisfies(post -> {
            assertThat(texts(post.get("revisions"), "source")).containsExactly("Alice's first reply");
            assertThat(post.get("revisions").get(0).get("editedByMember").asBoolean()).isTrue();
          });
      assertThat(texts(export.get("posts"), "topicTitle")).contains("Alice asks about firmware");
      assertThat(export.get("votes")).singleElement().satisfies(vote -> {
        assertThat(vote.get("postId").asLong()).isEqualTo(bobs.value());
        assertThat(vote.get("direction").asText()).isEqualTo("UP");
      });
      assertThat(export.get("ideaVotes")).singleElement()
          .satisfies(vote -> assertThat(vote.get("ideaId").asLong()).isEqualTo(idea.value()));
      assertThat(export.get("reviews")).singleElement().satisfies(r -> {
        assertThat(r.get("topicId").asLong()).isEqualTo(review.topic().id().value());
        assertThat(r.get("stars").asInt()).isEqualTo(4);
      });
      assertThat(texts(export.get("reputation"), "reason")).contains("POST_UPVOTED");
      assertThat(export.get("flags")).singleElement().satisfies(flag -> {
        assertThat(flag.get("postId").asLong()).isEqualTo(bobs.value());
        assertThat(flag.get("reason").asText()).isEqualTo("OFF_TOPIC");
        assertThat(flag.get("note").asText()).isEqualTo("Not about modems");
        assertThat(flag.get("outcome").asText()).isEqualTo("OPEN");
      });
      assertThat(export.get("subscriptions")).extracting(s -> s.get("kind").asText() + ":" + s.get("key").asText()
          + "=" + s.get("level").asText())
          .as("her topic and her review, watched as their author; the threads she replied to (anonymously too, which "
              + "only she sees here), tracked; the tag she follows")
          .containsExactlyInAnyOrder("TOPIC:" + own.topic().id().value() + "=WATCHING",
              "TOPIC:" + review.topic().id().value() + "=WATCHING", "TOPIC:" + reply.topicId().value() + "=TRACKING",
              "TOPIC:" + carols.value() + "=TRACKING", "TAG:firmware=TRACKING");
      assertThat(export.get("notificationDelivery").asText()).isEqualTo("DIGEST");
      assertThat(export.toString()).doesNotContain("Body of Bob's thread on modems", "Body of Carol asks about VPNs",
          "Dark mode for the portal");
    }

    @Test
    @DisplayName("only the member themself and admins may export; others are denied")
    void export_access() {
      assertThat(parse(community.members().export(admin, alice.memberId())).get("profile").get("displayName")
          .asText()).isEqualTo("Alice");
      assertThatThrownBy(() -> community.members().export(bob, alice.memberId()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.members().export(moderator, alice.memberId()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.members().export(admin, new MemberId(987_654_321L)))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("another member's content in a restricted space the member took part in never appears")
    void export_leavesOutOthersRestrictedContent() {
      identities.register("erin", "Erin", Role.EXPERT);
      identities.register("frank", "Frank", Role.EXPERT);
      Actor erin = community.actor("erin");
      Actor frank = community.actor("frank");
      Space experts = community.spaces().create(admin, SpaceDraft.of("experts", "Experts only", SpaceKind.DISCUSSION)
          .withVisibility(Visibility.RESTRICTED).restrictedTo(Set.of(Role.EXPERT)));
      ThreadView secret = community.topics().start(frank, experts.id(),
          TopicDraft.of("Unannounced roadmap details", "Classified launch plan", "roadmap"));
      community.posts().reply(erin, secret.topic().id(), "Erin's own reply");
      community.votes().up(erin, opening(secret).id());

      String export = community.members().export(erin, erin.memberId());

      assertThat(export).contains("Erin's own reply")
          .doesNotContain("Unannounced roadmap details")
          .doesNotContain("Classified launch plan")
          .doesNotContain("Frank");
      assertThat(community.members().export(alice, alice.memberId())).doesNotContain("Classified launch plan")
          .doesNotContain("Erin's own reply");
    }
  }

  @Nested
  @DisplayName("Erasure")
  class Erasure {
    private static final String USER = "dora-42";
    private static final String NAME = "Dora Dunham";
    private static final String EMAIL = "dora.dunham@example.com";
    private static final String HANDLE = "dora_dunham";

    private Actor dora;

    @BeforeEach
    void registerDora() {
      identities.register(USER, NAME, Optional.of(EMAIL), Optional.of("acme"));
      dora = community.actor(USER);
    }

    /** @return everything a reader, a moderator and an admin can read about Dora's content, as text */
    private String everythingReadable(List<TopicId> topics) {
      StringBuilder all = new StringBuilder();
      for (Actor reader : List.of(bob, moderator, admin)) {
        for (TopicId topic : topics) {
          community.topics().find(reader, topic).ifPresent(all::append);
          try {
            all.append(thread(reader, topic));
          } catch (NotFoundException deleted) {
            all.append("deleted ").append(topic);
          }
        }
        all.append(community.topics().list(reader, ListingRequest.of(discussion.id(), ListingOrder.LATEST)));
        all.append(community.reputation().leaderboard(reader, LeaderboardScope.all(), Window.ALL_TIME, 100));
        all.append(community.reputation().standing(reader, dora.memberId()));
        all.append(community.members().profile(dora.memberId()));
      }
      all.append(community.members().export(admin, dora.memberId()));
      all.append(community.audit().about(admin, dora.memberId(), Optional.empty(), 500));
      all.append(community.audit().by(admin, dora.memberId(), Optional.empty(), 500));
      all.append(community.audit().by(admin, admin.memberId(), Optional.empty(), 500));
      all.append(community.audit().by(admin, moderator.memberId(), Optional.empty(), 500));
      events().forEach(event -> all.append(event.payload()));
      return all.toString();
    }

    private void assertNoPersonalData(String text) {
      assertThat(text).doesNotContain(USER).doesNotContain(NAME).doesNotContain(EMAIL).doesNotContain(HANDLE);
    }

    @Test
    @DisplayName("keeping content: Dora's posts stay as a former member's, and no view, audit row or event names her")
    void erase_keepContent() {
      ThreadView topic = startTopic(dora, "Dora's router question");
      PostId bobsAnswer = community.posts().reply(bob, topic.topic().id(), "Bob answers her").id();
      community.votes().up(dora, bobsAnswer);
      PostId anonymous = community.posts().replyAnonymously(dora,
          startTopicIn(carol, anonymousDiscussion, "Carol's anonymous-friendly topic"), "Dora speaks anonymously")
          .id();
      community.moderation().revealAuthor(moderator, anonymous, "Carol says Dora Dunham (" + EMAIL + ") spams");
      assertThat(community.members().profile(dora.memberId())).flatMap(AuthorRef::handle).contains(HANDLE);
      community.subscriptions().follow(dora, SubscriptionTarget.tag("wifi"), WatchLevel.WATCHING);
      community.notifications().chooseDelivery(dora, NotificationDelivery.DIGEST);
      store.digests().enqueue(new NotificationItem(dora.memberId(), "kept-for-dora", NotificationKind.REPLY,
          "Bob replied in \"Dora's router question\"", topic.topic().id().value(), bobsAnswer.value(),
          clock.instant()));
      int before = eventCount();

      community.members().erase(admin, dora.memberId(), ErasureMode.KEEP_CONTENT);

      assertThat(store.subscriptions().listByMember(dora.memberId(), Optional.empty(), 10))
          .as("what she followed, her own topic included").isEmpty();
      assertThat(store.subscriptions().findDelivery(dora.memberId())).isEmpty();
      assertThat(store.digests().contains("kept-for-dora")).isFalse();

      ThreadView after = thread(bob, topic.topic().id());
      assertThat(after.topic().author())
          .isEqualTo(new AuthorRef(Optional.empty(), AuthorRef.FORMER_MEMBER_NAME, Optional.empty(), Optional.empty()));
      assertThat(opening(after).source()).isEqualTo("Body of Dora's router question");
      assertThat(community.posts().find(bob, anonymous)).map(PostView::author).map(AuthorRef::displayName)
          .contains(AuthorRef.ANONYMOUS_NAME);
      assertThat(after.topic().title()).isEqualTo("Dora's router question");
      assertNoPersonalData(everythingReadable(List.of(topic.topic().id())));
      assertThat(events().subList(before, eventCount())).extracting(CommunityEvent::type).contains("member.erased");
      List<AuditEntry> erasure = community.audit().about(admin, dora.memberId(), Optional.empty(), 10);
      assertThat(erasure.get(0).action()).isEqualTo("member.erase");
      assertThat(erasure.get(0).detail()).matches("mode=KEEP_CONTENT; user=erased:[0-9a-f]{64}");
      assertThat(erasure.get(1).detail()).isEqualTo("Carol says [erased] ([erased]) spams");
      assertThat(community.posts().reply(bob, topic.topic().id(), "Thanks @" + HANDLE).html())
          .as("her old handle no longer resolves to anyone").doesNotContain("mention");
    }

    @Test
    @DisplayName("the erased cannot act; the same host user comes back as a fresh member, who can be erased too")
    void erase_thenSameUser_isFreshMember() {
      community.actor(USER);
      int lookups = identities.lookupsOf(USER);

      community.members().erase(admin, dora.memberId(), ErasureMode.KEEP_CONTENT);

      assertThatThrownBy(() -> startTopic(dora, "Dora tries again later"))
          .isInstanceOf(PermissionDeniedException.class);
      Actor again = community.actor(USER);
      assertThat(identities.lookupsOf(USER)).as("the identity cache forgot the user").isGreaterThan(lookups);
      assertThat(again.memberId()).isNotEqualTo(dora.memberId());
      assertThat(community.members().profile(again.memberId())).map(AuthorRef::displayName).contains(NAME);
      assertThat(community.members().profile(dora.memberId())).map(AuthorRef::displayName)
          .contains(AuthorRef.FORMER_MEMBER_NAME);

      community.members().erase(admin, again.memberId(), ErasureMode.KEEP_CONTENT);
      assertThat(community.audit().about(admin, again.memberId(), Optional.empty(), 1).get(0).detail())
          .isEqualTo(community.audit().about(admin, dora.memberId(), Optional.empty(), 1).get(0).detail());
    }

    @Test
    @DisplayName("only admins erase, once")
    void erase_access() {
      assertThatThrownBy(() -> community.members().erase(moderator, dora.memberId(), ErasureMode.KEEP_CONTENT))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.members().erase(dora, dora.memberId(), ErasureMode.KEEP_CONTENT))
          .isInstanceOf(PermissionDeniedException.class);
      community.members().erase(admin, dora.memberId(), ErasureMode.DELETE_CONTENT);
      assertThatThrownBy(() -> community.members().erase(admin, dora.memberId(), ErasureMode.KEEP_CONTENT))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("member.status"));
      assertThatThrownBy(() -> community.members().erase(admin, new MemberId(987_654_321L), ErasureMode.KEEP_CONTENT))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("deleting content: posts, bodies and revisions go; counters, answers and ratings follow; others' stay")
    void erase_deleteContent() {
      ThreadView carols = startTopic(carol, "Carol's modem thread");
      PostView doraReply = community.posts().reply(dora, carols.topic().id(), "Dora's secret reply");
      community.posts().edit(dora, doraReply.id(), doraReply.version(), "Dora's edited secret reply");
      TopicId question = community.questions().ask(bob, anonymousQuestions.id(),
          TopicDraft.of("Bob asks about firmware", "Which version?", "firmware")).topic().id();
      PostId doraAnswer = community.posts().reply(dora, question, "Dora's answer: 2.1").id();
      community.questions().accept(bob, question, doraAnswer);
      ThreadView own = startTopic(dora, "Dora's own thread here");
      PostId bobsReply = community.posts().reply(bob, own.topic().id(), "Bob replies here").id();
      Space reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
      TopicId review = community.reviews().write(dora, reviews.id(),
          ReviewDraft.of("router-x1", 2, "Dora's router review", "Dora's review body")).topic().id();
      long carolsReplies = community.topics().find(bob, carols.topic().id()).orElseThrow().replyCount();

      community.members().erase(admin, dora.memberId(), ErasureMode.DELETE_CONTENT);

      TopicSummary carolsAfter = community.topics().find(bob, carols.topic().id()).orElseThrow();
      assertThat(carolsAfter.replyCount()).isEqualTo(carolsReplies - 1);
      assertThat(thread(bob, carols.topic().id()).posts()).extracting(PostView::id).doesNotContain(doraReply.id());
      TopicSummary questionAfter = community.topics().find(bob, question).orElseThrow();
      assertThat(questionAfter.acceptedAnswerId()).isEmpty();
      assertThat(questionAfter.answerCount()).isZero();
      assertThat(questionAfter.replyCount()).isZero();
      ThreadView ownAfter = thread(bob, own.topic().id());
      assertThat(ownAfter.topic().title()).isEqualTo("[deleted]");
      assertThat(ownAfter.posts()).extracting(PostView::id).containsExactly(bobsReply);
      assertThat(community.reviews().rating(bob, reviews.id(), "router-x1").count()).isZero();
      assertThatThrownBy(() -> community.reviews().find(bob, review)).isInstanceOf(NotFoundException.class);

      List<Post> doras = store.transactor().inTransaction(
          () -> store.posts().listByStatus(EnumSet.allOf(PostStatus.class), Optional.of(dora.memberId()),
              Optional.empty(), 200));
      assertThat(doras).hasSize(4).allSatisfy(post -> {
        assertThat(post.status()).isEqualTo(PostStatus.DELETED);
        assertThat(post.content().source()).isEmpty();
        assertThat(post.content().html()).isEmpty();
        List<Revision> revisions = store.transactor().inTransaction(() -> store.revisions().list(post.id()));
        assertThat(revisions).allSatisfy(revision -> assertThat(revision.source()).isEmpty());
      });
      String readable = everythingReadable(List.of(carols.topic().id(), question, own.topic().id(), review));
      assertNoPersonalData(readable);
      assertThat(readable).doesNotContain("secret reply").doesNotContain("Dora's answer: 2.1")
          .doesNotContain("Dora's review body").doesNotContain("Body of Dora's own thread here");
    }

    @Test
    @DisplayName("the CRM profile cache forgets the erased member's account")
    void erase_evictsCrmProfile() {
      crm.account("acme", "gold", 10.0, "router-x1");
      Community cached = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
          .crmProfileTtl(Duration.ofMinutes(5)).build();
      Space reviews = cached.spaces().create(cached.actor("admin"),
          SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
      cached.reviews().write(cached.actor(USER), reviews.id(),
          ReviewDraft.of("router-x1", 5, "Great router here", "!"));
      identities.register("olivia", "Olivia", Optional.empty(), Optional.of("acme"));
      long calls = crm.profileCalls();

      cached.members().erase(cached.actor("admin"), dora.memberId(), ErasureMode.KEEP_CONTENT);
      cached.reviews().write(cached.actor("olivia"), reviews.id(),
          ReviewDraft.of("router-x1", 4, "Good router too", "!"));

      assertThat(crm.profileCalls() - calls).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Edit history")
  class EditHistory {
    @Test
    @DisplayName("title, body, reply and review edits each keep who, when and the replaced source, by version")
    void edits_keepRevisions() {
      ThreadView thread = startTopic(alice, "Original title of Alice");
      PostView body = opening(thread);
      Instant retitledAt = clock.advance(Duration.ofMinutes(1));
      community.topics().edit(moderator, thread.topic().id(), thread.topic().version(), "Retitled by the moderator",
          List.of("help"));
      Instant rewrittenAt = clock.advance(Duration.ofMinutes(1));
      community.posts().edit(alice, body.id(), body.version(), "Second body");
      PostView reply = community.posts().reply(bob, thread.topic().id(), "Bob's first words");
      Instant answeredAt = clock.advance(Duration.ofMinutes(1));
      community.posts().edit(bob, reply.id(), reply.version(), "Bob's second words");
      Space reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
      ReviewView review = community.reviews().write(carol, reviews.id(),
          ReviewDraft.of("router-x1", 3, "Carol reviews the router", "Average at best"));
      clock.advance(Duration.ofMinutes(1));
      community.reviews().edit(carol, review.topic().id(), review.body().version(), 5, "Carol changed her mind",
          "Great after the update");

      List<Revision> opening = community.posts().revisions(alice, body.id());
      assertThat(opening).hasSize(2);
      assertThat(opening.get(0).editorId()).isEqualTo(moderator.memberId());
      assertThat(opening.get(0).title()).contains("Original title of Alice");
      assertThat(opening.get(0).editedAt()).isEqualTo(retitledAt);
      assertThat(opening.get(1).editorId()).isEqualTo(alice.memberId());
      assertThat(opening.get(1).title()).contains("Retitled by the moderator");
      assertThat(opening.get(1).source()).isEqualTo("Body of Original title of Alice");
      assertThat(opening.get(1).editedAt()).isEqualTo(rewrittenAt);
      List<Revision> replies = community.posts().revisions(bob, reply.id());
      assertThat(replies).singleElement().satisfies(revision -> {
        assertThat(revision.editorId()).isEqualTo(bob.memberId());
        assertThat(revision.source()).isEqualTo("Bob's first words");
        assertThat(revision.version()).isEqualTo(reply.version());
        assertThat(revision.editedAt()).isEqualTo(answeredAt);
      });
      assertThat(community.posts().revisions(carol, review.body().id())).singleElement().satisfies(revision -> {
        assertThat(revision.editorId()).isEqualTo(carol.memberId());
        assertThat(revision.title()).contains("Carol reviews the router");
        assertThat(revision.source()).isEqualTo("Average at best");
        assertThat(revision.stars()).contains(3);
        assertThat(revision.editedAt()).isEqualTo(clock.instant());
      });
      assertThatThrownBy(() -> community.posts().edit(bob, reply.id(), reply.version(), "A stale edit"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.version"));
    }
  }

  private TopicId startTopicIn(Actor author, Space space, String title) {
    return community.topics().start(author, space.id(), TopicDraft.of(title, "Body of " + title, "help")).topic().id();
  }
}
