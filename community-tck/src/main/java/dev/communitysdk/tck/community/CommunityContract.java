package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.core.vote.VoteResult;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * The public API of the SDK, end to end, on the storage adapter a subclass provides. Extend it and implement
 * {@link #newStore()}:
 *
 * <pre>{@code
 * class MyStoreCommunityTest extends CommunityContract {
 *   @Override
 *   protected CommunityStore newStore() {
 *     return MyStore.createEmpty();
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh, empty store, a fake identity provider with an admin, a moderator and three members, and a
 * clock it can move. Voting needs no reputation here; the questions kit checks privileges. The questions
 * and reputation groups live in {@link QuestionsContract}, which extends this class.
 */
public abstract class CommunityContract extends CommunityFixture {
  @Nested
  @DisplayName("Members")
  class Members {
    @Test
    @DisplayName("a host user becomes one member on first sight, and the same member ever after")
    void actor_sameUser_sameMember() {
      Actor again = community.actor("alice");
      assertThat(again.memberId()).isEqualTo(alice.memberId());
      assertThat(community.members().profile(alice.memberId()))
          .hasValueSatisfying(profile -> assertThat(profile.displayName()).isEqualTo("Alice"));
    }

    @Test
    @DisplayName("a user the host does not know is not found")
    void actor_unknownUser_isNotFound() {
      assertThatThrownBy(() -> community.actor("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a profile change in the host shows after a refresh")
    void refresh_changedProfile_isMirrored() {
      identities.register("alice", "Alice Liddell", Role.EXPERT);
      community.members().refresh("alice");
      assertThat(community.members().profile(alice.memberId()))
          .hasValueSatisfying(profile -> assertThat(profile.displayName()).isEqualTo("Alice Liddell"));
    }

    @Test
    @DisplayName("a user the host removed is deactivated and can no longer act")
    void refresh_removedUser_isDeactivated() {
      identities.remove("bob");
      assertThatThrownBy(() -> community.members().refresh("bob")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> startTopic(bob, "A topic from a removed user"))
          .isInstanceOf(PermissionDeniedException.class);
    }
  }

  @Nested
  @DisplayName("Spaces")
  class Spaces {
    @Test
    @DisplayName("only admins create spaces")
    void create_byMember_isDenied() {
      assertThatThrownBy(() -> community.spaces().create(alice, SpaceDraft.of("mine", "Mine", SpaceKind.DISCUSSION)))
          .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    @DisplayName("a slug is unique")
    void create_takenSlug_isConflict() {
      assertThatThrownBy(() -> community.spaces().create(admin, SpaceDraft.of("general", "Again", SpaceKind.IDEAS)))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("space.slug"));
    }

    @Test
    @DisplayName("a bad slug names the field")
    void create_badSlug_isRejected() {
      assertRejected("slug",
          () -> community.spaces().create(admin, SpaceDraft.of("Not A Slug", "Bad", SpaceKind.DISCUSSION)));
    }

    @Test
    @DisplayName("a restricted space is invisible to members without one of its roles")
    void restricted_memberWithoutRole_cannotSeeIt() {
      Space experts = community.spaces().create(admin,
          SpaceDraft.of("experts", "Experts lounge", SpaceKind.DISCUSSION).restrictedTo(Set.of(Role.EXPERT)));
      assertThat(community.spaces().list(alice)).extracting(Space::slug).containsExactly("general");
      assertThat(community.spaces().list(moderator)).extracting(Space::slug).containsExactly("general", "experts");
      assertThatThrownBy(() -> community.topics().start(alice, experts.id(),
          TopicDraft.of("Can I post in here?", "Body"))).isInstanceOf(NotFoundException.class);
      identities.register("alice", "Alice", Role.EXPERT);
      Actor expertAlice = community.members().refresh("alice");
      assertThat(community.spaces().list(expertAlice)).extracting(Space::slug).contains("experts");
    }
  }

  @Nested
  @DisplayName("Starting and editing topics")
  class StartingTopics {
    @Test
    @DisplayName("a started topic has its opening post rendered to safe HTML, and emits events")
    void start_valid_storesTopicPostAndEvents() {
      ThreadView thread = community.topics().start(alice, discussion.id(),
          TopicDraft.of("Router drops Wi-Fi every hour", "It **drops** <script>alert(1)</script>", "wifi", "router"));
      assertThat(thread.topic().title()).isEqualTo("Router drops Wi-Fi every hour");
      assertThat(thread.topic().tags()).containsExactly("wifi", "router");
      assertThat(thread.topic().status()).isEqualTo(TopicStatus.OPEN);
      assertThat(thread.topic().author().displayName()).isEqualTo("Alice");
      PostView post = opening(thread);
      assertThat(post.html()).contains("<strong>drops</strong>").doesNotContain("<script");
      assertThat(post.source()).contains("<script>");
      assertThat(events()).extracting(CommunityEvent::type).endsWith("topic.started", "post.created");
    }

    @Test
    @DisplayName("titles, bodies and tags that break their rules are rejected with the field named, and nothing is written")
    void start_badInput_isRejectedAndWritesNothing() {
      assertRejected("title", () -> community.topics().start(alice, discussion.id(), TopicDraft.of("short", "Body")));
      assertRejected("title", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("          ", "Body")));
      assertRejected("title", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("x".repeat(151), "Body")));
      assertRejected("title", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("A title with a \u0007 bell", "Body")));
      assertRejected("body", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("A perfectly fine title", "   ")));
      assertRejected("body", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("A perfectly fine title", "x".repeat(50_001))));
      assertRejected("tags", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("A perfectly fine title", "Body", "a", "b", "c", "d", "e", "f")));
      assertRejected("tags[1]", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("A perfectly fine title", "Body", "ok", "Not OK")));
      assertRejected("tags[1]", () -> community.topics().start(alice, discussion.id(),
          TopicDraft.of("A perfectly fine title", "Body", "same", "same")));
      assertThat(community.topics().list(alice, ListingRequest.of(discussion.id(), ListingOrder.LATEST)).items())
          .isEmpty();
    }

    @Test
    @DisplayName("a topic in an unknown space is not found")
    void start_unknownSpace_isNotFound() {
      assertThatThrownBy(() -> community.topics().start(alice, new dev.communitysdk.spi.model.SpaceId(999_999),
          TopicDraft.of("A perfectly fine title", "Body"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("an edit at the current version replaces title and tags and keeps a revision")
    void edit_currentVersion_replacesAndKeepsRevision() {
      ThreadView thread = startTopic(alice, "Original title here");
      TopicSummary edited = community.topics().edit(alice, thread.topic().id(), thread.topic().version(),
          "Edited title goes here", List.of("edited"));
      assertThat(edited.title()).isEqualTo("Edited title goes here");
      assertThat(edited.tags()).containsExactly("edited");
      assertThat(edited.version()).isGreaterThan(thread.topic().version());
      assertThat(community.posts().revisions(alice, opening(thread).id()))
          .singleElement().satisfies(revision -> assertThat(revision.title()).contains("Original title here"));
    }

    @Test
    @DisplayName("an edit at a stale version is a conflict and changes nothing")
    void edit_staleVersion_isConflict() {
      ThreadView thread = startTopic(alice, "Original title here");
      long version = thread.topic().version();
      community.topics().edit(alice, thread.topic().id(), version, "First edit of the title", List.of());
      assertThatThrownBy(() -> community.topics().edit(alice, thread.topic().id(), version,
          "Second edit of the title", List.of()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("topic.version"));
      assertThat(community.topics().find(alice, thread.topic().id()))
          .hasValueSatisfying(topic -> assertThat(topic.title()).isEqualTo("First edit of the title"));
    }

    @Test
    @DisplayName("only the author or a moderator edits a topic")
    void edit_byOtherMember_isDenied() {
      ThreadView thread = startTopic(alice, "Original title here");
      assertThatThrownBy(() -> community.topics().edit(bob, thread.topic().id(), thread.topic().version(),
          "Hijacked title here", List.of())).isInstanceOf(PermissionDeniedException.class);
      assertThat(community.topics().edit(moderator, thread.topic().id(), thread.topic().version(),
          "Moderated title here", List.of()).title()).isEqualTo("Moderated title here");
    }

    @Test
    @DisplayName("a closed topic takes no replies until reopened; a locked one takes no votes")
    void closeReopenLock_changeWhatIsAllowed() {
      ThreadView thread = startTopic(alice, "Topic to be closed");
      TopicId id = thread.topic().id();
      assertThat(community.topics().close(alice, id).status()).isEqualTo(TopicStatus.CLOSED);
      int before = eventCount();
      assertThatThrownBy(() -> community.posts().reply(bob, id, "Too late"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("topic.status"));
      assertThat(eventCount()).isEqualTo(before);
      assertThat(community.topics().reopen(alice, id).status()).isEqualTo(TopicStatus.OPEN);
      community.posts().reply(bob, id, "Now it works");
      assertThatThrownBy(() -> community.topics().lock(alice, id)).isInstanceOf(PermissionDeniedException.class);
      assertThat(community.topics().lock(moderator, id).status()).isEqualTo(TopicStatus.LOCKED);
      assertThatThrownBy(() -> community.votes().up(bob, opening(thread).id())).isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> community.topics().reopen(alice, id)).isInstanceOf(ConflictException.class);
      assertThat(community.topics().unlock(moderator, id).status()).isEqualTo(TopicStatus.OPEN);
    }
  }

  @Nested
  @DisplayName("Replies")
  class Replies {
    @Test
    @DisplayName("a reply counts on its topic and moves its last activity")
    void reply_countsAndMovesActivity() {
      ThreadView thread = startTopic(alice, "A question to answer");
      clock.advance(Duration.ofMinutes(5));
      PostView reply = community.posts().reply(bob, thread.topic().id(), "Try turning it off and on again");
      assertThat(reply.opening()).isFalse();
      assertThat(reply.status()).isEqualTo(PostStatus.PUBLISHED);
      TopicSummary topic = community.topics().find(alice, thread.topic().id()).orElseThrow();
      assertThat(topic.replyCount()).isEqualTo(1);
      assertThat(topic.lastActivityAt()).isEqualTo(reply.createdAt()).isAfter(topic.createdAt());
    }

    @Test
    @DisplayName("a reply to an unknown topic is not found, and a bad body names the field")
    void reply_badInput_isRejected() {
      assertThatThrownBy(() -> community.posts().reply(bob, new TopicId(987_654), "Hello"))
          .isInstanceOf(NotFoundException.class);
      ThreadView thread = startTopic(alice, "A question to answer");
      assertRejected("body", () -> community.posts().reply(bob, thread.topic().id(), ""));
    }

    @Test
    @DisplayName("an edit keeps the old body as a revision, re-renders, and a stale edit is a conflict")
    void edit_keepsRevisionAndChecksVersion() {
      ThreadView thread = startTopic(alice, "A question to answer");
      PostView reply = community.posts().reply(bob, thread.topic().id(), "First *answer*");
      PostView edited = community.posts().edit(bob, reply.id(), reply.version(), "Better **answer**");
      assertThat(edited.html()).contains("<strong>answer</strong>");
      assertThat(edited.version()).isGreaterThan(reply.version());
      assertThat(community.posts().revisions(bob, reply.id()))
          .singleElement().satisfies(revision -> assertThat(revision.source()).isEqualTo("First *answer*"));
      assertThatThrownBy(() -> community.posts().edit(bob, reply.id(), reply.version(), "Stale edit"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.version"));
      assertThatThrownBy(() -> community.posts().edit(carol, reply.id(), edited.version(), "Not mine"))
          .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    @DisplayName("a deleted reply disappears from the thread and its count; an opening post cannot be deleted alone")
    void delete_softDeletesReply() {
      ThreadView thread = startTopic(alice, "A question to answer");
      PostView reply = community.posts().reply(bob, thread.topic().id(), "Wrong answer");
      community.posts().delete(bob, reply.id());
      ThreadView after = community.topics().thread(alice, thread.topic().id(), Optional.empty(), 20);
      assertThat(after.posts()).extracting(PostView::id).containsExactly(opening(thread).id());
      assertThat(after.topic().replyCount()).isZero();
      assertThat(community.posts().find(alice, reply.id())).isEmpty();
      assertThatThrownBy(() -> community.posts().delete(alice, opening(thread).id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.opening"));
    }

    @Test
    @DisplayName("anonymous posts show no author to anyone and carry no author id in events")
    void anonymous_hidesAuthorEverywhere() {
      Space support = community.spaces().create(admin,
          SpaceDraft.of("support", "Support", SpaceKind.QUESTIONS).withAnonymousPosting(true));
      ThreadView thread = community.topics().start(alice, support.id(),
          TopicDraft.of("An embarrassing question", "Body").anonymously());
      PostView reply = community.posts().replyAnonymously(bob, thread.topic().id(), "An anonymous answer");
      ThreadView seen = community.topics().thread(carol, thread.topic().id(), Optional.empty(), 20);
      assertThat(seen.topic().author()).satisfies(CommunityContract::assertAnonymous);
      assertThat(seen.posts()).extracting(PostView::author).allSatisfy(CommunityContract::assertAnonymous);
      assertThat(reply.author()).satisfies(CommunityContract::assertAnonymous);
      assertThat(events()).filteredOn(e -> e.type().equals("post.created") || e.type().equals("topic.started"))
          .hasSize(3)
          .allSatisfy(e -> assertThat(e.payload()).doesNotContain("authorId"));
      assertThatThrownBy(() -> community.posts().replyAnonymously(bob, startTopic(alice, "Named topic here")
          .topic().id(), "Hidden?")).isInstanceOf(PermissionDeniedException.class);
    }
  }

  static void assertAnonymous(AuthorRef author) {
    assertThat(author.displayName()).isEqualTo(AuthorRef.ANONYMOUS_NAME);
    assertThat(author.memberId()).isEmpty();
    assertThat(author.reputation()).isEmpty();
  }

  @Nested
  @DisplayName("Votes")
  class Votes {
    @Test
    @DisplayName("up, change, and retract move the post's score and the opening post's topic score")
    void upChangeRetract_moveScores() {
      ThreadView thread = startTopic(alice, "A topic to vote on");
      PostId post = opening(thread).id();
      assertThat(community.votes().up(bob, post).score()).isEqualTo(1);
      assertThat(community.votes().up(carol, post).score()).isEqualTo(2);
      VoteResult changed = community.votes().down(carol, post);
      assertThat(changed.score()).isZero();
      assertThat(changed.myVote()).contains(VoteDirection.DOWN);
      VoteResult retracted = community.votes().retract(bob, post);
      assertThat(retracted.score()).isEqualTo(-1);
      assertThat(retracted.myVote()).isEmpty();
      assertThat(community.topics().find(alice, thread.topic().id()).orElseThrow().score()).isEqualTo(-1);
      PostView seen = community.posts().find(carol, post).orElseThrow();
      assertThat(seen.upVotes()).isZero();
      assertThat(seen.downVotes()).isEqualTo(1);
      assertThat(seen.myVote()).contains(VoteDirection.DOWN);
    }

    @Test
    @DisplayName("a member cannot vote on their own post, nor twice the same way, and nothing is written")
    void vote_selfOrTwice_isRefused() {
      ThreadView thread = startTopic(alice, "A topic to vote on");
      PostId post = opening(thread).id();
      assertThatThrownBy(() -> community.votes().up(alice, post)).isInstanceOf(PermissionDeniedException.class);
      community.votes().up(bob, post);
      int before = eventCount();
      assertThatThrownBy(() -> community.votes().up(bob, post))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("vote.once"));
      assertThatThrownBy(() -> community.votes().retract(carol, post))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("vote.exists"));
      assertThat(eventCount()).isEqualTo(before);
      assertThat(tally(post)).isEqualTo(new VoteTally(1, 0));
      assertThat(community.posts().find(alice, post).orElseThrow().score()).isEqualTo(1);
    }

    @Test
    @DisplayName("a vote on an unknown or deleted post is not found")
    void vote_missingPost_isNotFound() {
      assertThatThrownBy(() -> community.votes().up(bob, new PostId(123_456))).isInstanceOf(NotFoundException.class);
      ThreadView thread = startTopic(alice, "A topic to vote on");
      PostView reply = community.posts().reply(carol, thread.topic().id(), "Soon deleted");
      community.posts().delete(carol, reply.id());
      assertThatThrownBy(() -> community.votes().up(bob, reply.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("16 members voting at once on one post lose no vote")
    void concurrentVotes_loseNothing() throws Exception {
      ThreadView thread = startTopic(alice, "A hot topic for everyone");
      PostId post = opening(thread).id();
      int voters = 48;
      List<Actor> actors = new ArrayList<>();
      for (int i = 0; i < voters; i++) {
        identities.register("voter-" + i, "Voter " + i);
        actors.add(community.actor("voter-" + i));
      }
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      runConcurrently(16, actors, actor -> {
        try {
          community.votes().up(actor, post);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      assertThat(failures).isEmpty();
      assertThat(tally(post)).isEqualTo(new VoteTally(voters, 0));
      assertThat(community.posts().find(alice, post).orElseThrow().score()).isEqualTo(voters);
      assertThat(community.topics().find(alice, thread.topic().id()).orElseThrow().score()).isEqualTo(voters);
    }
  }

  /** The post's votes counted from the vote rows. */
  protected VoteTally tally(PostId post) {
    return store.transactor().inTransaction(() -> store.votes().tally(post));
  }

  @Nested
  @DisplayName("Listings")
  class Listings {
    @Test
    @DisplayName("every order pages through all topics by keyset, each exactly once")
    void everyOrder_pagesThroughAll() {
      List<TopicId> started = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        clock.advance(Duration.ofMinutes(1));
        started.add(startTopic(alice, "Listed topic number " + i).topic().id());
      }
      for (ListingOrder order : ListingOrder.values()) {
        List<TopicId> seen = new ArrayList<>();
        ListingRequest request = ListingRequest.of(discussion.id(), order).limit(3);
        Page<TopicSummary> page = community.topics().list(bob, request);
        seen.addAll(page.items().stream().map(TopicSummary::id).toList());
        while (page.next().isPresent()) {
          page = community.topics().list(bob, request.after(page.next().get()));
          seen.addAll(page.items().stream().map(TopicSummary::id).toList());
        }
        assertThat(seen).as(order.name()).containsExactlyInAnyOrderElementsOf(started).doesNotHaveDuplicates();
      }
    }

    @Test
    @DisplayName("latest shows newest first; top and hot put the best-voted first; active the last replied")
    void orders_rankAsDefined() {
      TopicId first = startTopic(alice, "The first topic here").topic().id();
      clock.advance(Duration.ofHours(1));
      ThreadView second = startTopic(alice, "The second topic here");
      clock.advance(Duration.ofHours(1));
      TopicId third = startTopic(alice, "The third topic here").topic().id();
      community.votes().up(bob, opening(second).id());
      community.votes().up(carol, opening(second).id());
      clock.advance(Duration.ofMinutes(1));
      community.posts().reply(bob, first, "Bumping the first");
      assertThat(ids(ListingOrder.LATEST)).containsExactly(third, second.topic().id(), first);
      assertThat(ids(ListingOrder.TOP).get(0)).isEqualTo(second.topic().id());
      assertThat(ids(ListingOrder.HOT).get(0)).isEqualTo(second.topic().id());
      assertThat(ids(ListingOrder.ACTIVE).get(0)).isEqualTo(first);
    }

    @Test
    @DisplayName("a tag narrows the listing")
    void tag_filters() {
      community.topics().start(alice, discussion.id(), TopicDraft.of("About the router", "Body", "router"));
      community.topics().start(alice, discussion.id(), TopicDraft.of("About the modem", "Body", "modem"));
      Page<TopicSummary> page = community.topics().list(bob,
          ListingRequest.of(discussion.id(), ListingOrder.LATEST).tagged("modem"));
      assertThat(page.items()).extracting(TopicSummary::title).containsExactly("About the modem");
    }

    @Test
    @DisplayName("a forged cursor, another listing's cursor, or a bad page size is rejected")
    void badCursorOrLimit_isRejected() {
      for (int i = 0; i < 3; i++) {
        startTopic(alice, "Listed topic number " + i);
      }
      String hotCursor = community.topics()
          .list(bob, ListingRequest.of(discussion.id(), ListingOrder.HOT).limit(1)).next().orElseThrow();
      assertRejected("cursor", () -> community.topics()
          .list(bob, ListingRequest.of(discussion.id(), ListingOrder.LATEST).after(hotCursor)));
      assertRejected("cursor", () -> community.topics()
          .list(bob, ListingRequest.of(discussion.id(), ListingOrder.HOT).after("not-a-cursor!")));
      assertRejected("limit", () -> community.topics()
          .list(bob, ListingRequest.of(discussion.id(), ListingOrder.HOT).limit(0)));
    }

    private List<TopicId> ids(ListingOrder order) {
      return community.topics().list(bob, ListingRequest.of(discussion.id(), order)).items().stream()
          .map(TopicSummary::id).toList();
    }
  }

  @Nested
  @DisplayName("Thread pages")
  class ThreadPages {
    @Test
    @DisplayName("a thread pages through its posts in order, with authors and the reader's own votes")
    void thread_pagesWithAuthorsAndVotes() {
      ThreadView thread = startTopic(alice, "A long discussion here");
      List<PostId> ids = new ArrayList<>(List.of(opening(thread).id()));
      for (int i = 0; i < 5; i++) {
        ids.add(community.posts().reply(i % 2 == 0 ? bob : carol, thread.topic().id(), "Reply " + i).id());
      }
      community.votes().up(alice, ids.get(2));
      ThreadView first = community.topics().thread(alice, thread.topic().id(), Optional.empty(), 4);
      ThreadView second = community.topics().thread(alice, thread.topic().id(), first.next(), 4);
      assertThat(first.posts()).extracting(PostView::id).containsExactlyElementsOf(ids.subList(0, 4));
      assertThat(second.posts()).extracting(PostView::id).containsExactlyElementsOf(ids.subList(4, 6));
      assertThat(second.next()).isEmpty();
      assertThat(first.posts().get(1).author().displayName()).isEqualTo("Bob");
      assertThat(first.posts().get(2).myVote()).contains(VoteDirection.UP);
      assertThat(first.posts().get(1).myVote()).isEmpty();
    }
  }

  @Nested
  @DisplayName("Pre-moderation")
  class PreModeration {
    @Test
    @DisplayName("under ALL, a new topic waits unlisted until a moderator approves it")
    void all_topicWaitsForApproval() {
      Space moderated = community.spaces().create(admin,
          SpaceDraft.of("moderated", "Moderated", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
      ThreadView thread = community.topics().start(alice, moderated.id(), TopicDraft.of("Please approve me", "Body"));
      assertThat(thread.topic().status()).isEqualTo(TopicStatus.PENDING);
      assertThat(community.topics().list(bob, ListingRequest.of(moderated.id(), ListingOrder.LATEST)).items()).isEmpty();
      assertThatThrownBy(() -> community.topics().thread(bob, thread.topic().id(), Optional.empty(), 20))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.moderation().approve(alice, opening(thread).id()))
          .isInstanceOf(PermissionDeniedException.class);
      community.moderation().approve(moderator, opening(thread).id());
      assertThat(community.topics().list(bob, ListingRequest.of(moderated.id(), ListingOrder.LATEST)).items())
          .extracting(TopicSummary::status).containsExactly(TopicStatus.OPEN);
    }

    @Test
    @DisplayName("under NEW_MEMBERS, a new member's reply waits and only counts once approved")
    void newMembers_replyWaits() {
      Space moderated = community.spaces().create(admin,
          SpaceDraft.of("newbies", "Newbies", SpaceKind.DISCUSSION).withModeration(ModerationMode.NEW_MEMBERS));
      ThreadView thread = community.topics().start(moderator, moderated.id(), TopicDraft.of("Welcome, newcomers", "Hi"));
      PostView reply = community.posts().reply(bob, thread.topic().id(), "Hello!");
      assertThat(reply.status()).isEqualTo(PostStatus.PENDING);
      assertThat(community.topics().thread(carol, thread.topic().id(), Optional.empty(), 20).posts()).hasSize(1);
      community.moderation().approve(moderator, reply.id());
      ThreadView after = community.topics().thread(carol, thread.topic().id(), Optional.empty(), 20);
      assertThat(after.posts()).hasSize(2);
      assertThat(after.topic().replyCount()).isEqualTo(1);
      assertThatThrownBy(() -> community.moderation().approve(moderator, reply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.status"));
    }
  }
}
