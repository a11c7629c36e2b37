package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.moderation.FlagResult;
import dev.communitysdk.core.moderation.FlagRules;
import dev.communitysdk.core.moderation.QueueItem;
import dev.communitysdk.core.moderation.SpamRemoval;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
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
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.FlagOutcome;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Sanction;
import dev.communitysdk.spi.model.SanctionKind;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Visibility;

/**
 * Moderation through the public API, on the storage adapter a subclass provides: weighted flags that hide posts into
 * the moderation queue, flagger accuracy, the queue and its decisions (approve, reject, edit, delete, dismiss), spam
 * removal, sanctions of members, and concurrent flaggers. Extend it like {@link CommunityContract}.
 *
 * <p>Flagging needs no reputation in this kit's community, so that fresh members flag; {@link #strict} is the same
 * community with the default thresholds.
 */
public abstract class ModerationContract extends CommunityFixture {
  private static final Optional<String> NO_NOTE = Optional.empty();

  /** The fixture's community, where flagging needs reputation 15. */
  protected Community strict;
  /** Members beyond the fixture's three, for weights and concurrency. */
  protected List<Actor> crowd;
  /** A topic by alice. */
  protected ThreadView thread;
  /** Bob's reply in it. */
  protected PostView reply;

  @BeforeEach
  void openFlagging() {
    strict = community;
    community = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
        .privileges(PrivilegeRules.stackExchange().with(Privilege.UPVOTE, 0).with(Privilege.FLAG, 0)).build();
    crowd = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      identities.register("member" + i, "Member " + i);
      crowd.add(community.actor("member" + i));
    }
    thread = startTopic(alice, "Router drops Wi-Fi every hour");
    reply = community.posts().reply(bob, thread.topic().id(), "Buy cheap watches at example.com");
  }

  /** Flags a post for spam without a note. */
  protected FlagResult flag(Actor flagger, PostId postId) {
    return community.moderation().flags().flag(flagger, postId, FlagReason.SPAM, NO_NOTE);
  }

  /** The thread as a member reads it. */
  protected ThreadView read(Actor reader) {
    return community.topics().thread(reader, thread.topic().id(), Optional.empty(), 50);
  }

  /** The first page of the moderation queue. */
  protected List<QueueItem> queue() {
    return community.moderation().queue().page(moderator, Optional.empty(), 100).items();
  }

  /** The post as the moderator sees it. */
  protected PostView asModerator(PostId postId) {
    return community.posts().find(moderator, postId).orElseThrow();
  }

  /** Hides bob's reply with a moderator's flag. */
  protected void hideReply() {
    assertThat(flag(moderator, reply.id()).hidden()).isTrue();
  }

  /** The member's reputation total. */
  protected long reputation(Actor actor) {
    return community.reputation().standing(admin, actor.memberId()).reputation();
  }

  /** The number of events of the type. */
  protected long eventsOf(String type) {
    return events().stream().filter(e -> e.type().equals(type)).count();
  }

  @Nested
  @DisplayName("Flags")
  class Flags {
    @Test
    @DisplayName("three newcomers' flags weigh 1 each and do not hide a post; a moderator's flag weighs 5 and hides it")
    void weights_andThreshold() {
      for (int i = 0; i < 3; i++) {
        FlagResult result = flag(crowd.get(i), reply.id());
        assertThat(result.flag().weight()).isEqualTo(1);
        assertThat(result.openWeight()).isEqualTo(i + 1);
        assertThat(result.hidden()).isFalse();
      }
      assertThat(read(carol).posts()).extracting(PostView::id).contains(reply.id());
      assertThat(queue()).isEmpty();

      FlagResult decisive = community.moderation().flags().flag(moderator, reply.id(), FlagReason.OFFENSIVE,
          Optional.of("Advertising"));

      assertThat(decisive.flag().weight()).isEqualTo(5);
      assertThat(decisive.openWeight()).isEqualTo(8);
      assertThat(decisive.hidden()).isTrue();
      assertThat(asModerator(reply.id()).status()).isEqualTo(PostStatus.HIDDEN);
      assertThat(eventsOf("post.flagged")).isEqualTo(4);
      assertThat(eventsOf("post.hidden")).isEqualTo(1);
    }

    @Test
    @DisplayName("a hidden reply leaves thread pages, reply counts and readers' view, and waits in the queue")
    void hiddenReply_leavesThread_entersQueue() {
      assertThat(read(carol).topic().replyCount()).isEqualTo(1);

      flag(crowd.get(0), reply.id());
      hideReply();

      ThreadView after = read(carol);
      assertThat(after.posts()).extracting(PostView::id).doesNotContain(reply.id());
      assertThat(after.topic().replyCount()).isZero();
      assertThat(community.posts().find(carol, reply.id())).isEmpty();
      assertThat(community.posts().find(bob, reply.id())).as("hidden from its author too").isEmpty();
      List<QueueItem> queue = queue();
      assertThat(queue).hasSize(1);
      QueueItem item = queue.get(0);
      assertThat(item.post().id()).isEqualTo(reply.id());
      assertThat(item.post().status()).isEqualTo(PostStatus.HIDDEN);
      assertThat(item.topic().id()).isEqualTo(thread.topic().id());
      assertThat(item.space().id()).isEqualTo(discussion.id());
      assertThat(item.flags().count()).isEqualTo(2);
      assertThat(item.flags().weight()).isEqualTo(6);
      assertThat(item.flags().reasons()).containsExactly(FlagReason.SPAM);
    }

    @Test
    @DisplayName("a hidden opening post takes its topic out of the listings until a moderator approves it")
    void hiddenOpeningPost_unlistsTopic() {
      ListingRequest latest = ListingRequest.of(discussion.id(), ListingOrder.LATEST);
      assertThat(community.topics().list(carol, latest).items()).extracting(TopicSummary::id)
          .contains(thread.topic().id());

      flag(moderator, opening(thread).id());

      assertThat(community.topics().list(carol, latest).items()).extracting(TopicSummary::id)
          .doesNotContain(thread.topic().id());
      assertThatThrownBy(() -> read(carol)).isInstanceOf(NotFoundException.class);
      community.moderation().approve(moderator, opening(thread).id());
      assertThat(community.topics().list(carol, latest).items()).extracting(TopicSummary::status)
          .containsExactly(TopicStatus.OPEN);
      assertThat(read(carol).posts()).hasSize(2);
    }

    @Test
    @DisplayName("a hidden review leaves its product's rating until approved; a review removed as spam stays out")
    void hiddenReview_leavesRating() {
      Space reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
      ReviewView review = community.reviews().write(bob, reviews.id(),
          ReviewDraft.of("router-x1", 1, "Terrible router, buy watches", "Visit example.com"));
      community.reviews().write(carol, reviews.id(), ReviewDraft.of("router-x1", 5, "Great router for home", "Fast"));
      assertThat(community.reviews().rating(alice, reviews.id(), "router-x1").count()).isEqualTo(2);

      flag(moderator, review.body().id());

      assertThat(community.reviews().rating(alice, reviews.id(), "router-x1").count()).isEqualTo(1);
      community.moderation().approve(moderator, review.body().id());
      assertThat(community.reviews().rating(alice, reviews.id(), "router-x1").distribution())
          .containsExactly(1L, 0L, 0L, 0L, 1L);
      community.moderation().removeAsSpam(moderator, review.body().id());
      assertThat(community.reviews().rating(alice, reviews.id(), "router-x1").distribution())
          .containsExactly(0L, 0L, 0L, 0L, 1L);
      assertThatThrownBy(() -> community.reviews().find(alice, review.topic().id()))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a second flag by the same member is a conflict, and writes nothing")
    void duplicate_isConflict() {
      flag(carol, reply.id());
      int before = eventCount();

      assertThatThrownBy(() -> flag(carol, reply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("flag.duplicate"));
      assertThat(eventCount()).isEqualTo(before);
      assertThat(community.moderation().flags().list(moderator, reply.id())).hasSize(1);
    }

    @Test
    @DisplayName("nobody flags their own post")
    void ownPost_isDenied() {
      assertThatThrownBy(() -> flag(bob, reply.id())).isInstanceOf(PermissionDeniedException.class);
      assertThat(community.moderation().flags().list(moderator, reply.id())).isEmpty();
    }

    @Test
    @DisplayName("a post the flagger cannot see is not found: a missing post, another's pending post, a private space")
    void unseenPost_isNotFound() {
      Space staffOnly = community.spaces().create(admin,
          SpaceDraft.of("staff", "Staff room", SpaceKind.DISCUSSION).withVisibility(Visibility.PRIVATE));
      ThreadView secret = community.topics().start(moderator, staffOnly.id(),
          TopicDraft.of("Moderator notes for today", "Notes", "staff"));
      Space premoderated = community.spaces().create(admin,
          SpaceDraft.of("careful", "Careful", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
      ThreadView waiting = community.topics().start(bob, premoderated.id(),
          TopicDraft.of("Waiting for approval", "Body", "help"));

      assertThatThrownBy(() -> flag(carol, opening(secret).id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> flag(carol, opening(waiting).id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> flag(carol, new PostId(987_654_321L))).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("flagging needs the flag privilege (reputation 15 by default); staff hold it without reputation")
    void withoutPrivilege_isDenied() {
      assertThatThrownBy(() -> strict.moderation().flags().flag(carol, reply.id(), FlagReason.SPAM, NO_NOTE))
          .isInstanceOfSatisfying(PermissionDeniedException.class,
              e -> assertThat(e.reason()).contains("needs reputation 15"));
      assertThat(strict.moderation().flags().flag(moderator, reply.id(), FlagReason.SPAM, NO_NOTE).hidden()).isTrue();
    }

    @Test
    @DisplayName("a note must be 1 to 500 characters; a moderator flagging a hidden post is a conflict")
    void badNote_andHiddenPost() {
      assertRejected("note", () -> community.moderation().flags()
          .flag(carol, reply.id(), FlagReason.OTHER, Optional.of("x".repeat(501))));
      hideReply();
      assertThatThrownBy(() -> flag(admin, reply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.status"));
      assertThatThrownBy(() -> flag(carol, reply.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("the hide weight is configurable: at 2, two newcomers' flags hide a post")
    void configurableThreshold() {
      Community lenient = Community.builder().store(store).identity(identities).clock(clock)
          .privileges(PrivilegeRules.open())
          .flagRules(FlagRules.defaults().withHideWeight(2)).build();

      assertThat(lenient.moderation().flags().flag(carol, reply.id(), FlagReason.SPAM, NO_NOTE).hidden()).isFalse();
      assertThat(lenient.moderation().flags().flag(alice, reply.id(), FlagReason.SPAM, NO_NOTE).hidden()).isTrue();
    }
  }

  @Nested
  @DisplayName("Flagger accuracy")
  class Accuracy {
    private List<PostId> bobsReplies(int count) {
      return IntStream.range(0, count)
          .mapToObj(i -> community.posts().reply(bob, thread.topic().id(), "Reply number " + i).id())
          .toList();
    }

    @Test
    @DisplayName("a flagger moderators agreed with five times flags with double weight")
    void alwaysRight_weighsDouble() {
      for (PostId post : bobsReplies(5)) {
        assertThat(flag(carol, post).flag().weight()).isEqualTo(1);
        community.moderation().delete(moderator, post, "Spam");
      }

      FlagResult next = flag(carol, reply.id());

      assertThat(next.flag().weight()).isEqualTo(2);
      assertThat(community.moderation().flags().list(moderator, bobsReplies(1).get(0))).isEmpty();
    }

    @Test
    @DisplayName("a flagger moderators disagreed with five times flags with no weight, and the post stays up")
    void alwaysWrong_weighsNothing() {
      for (PostId post : bobsReplies(5)) {
        flag(alice, post);
        assertThat(community.moderation().dismissFlags(moderator, post)).isEqualTo(1);
      }

      FlagResult next = flag(alice, reply.id());

      assertThat(next.flag().weight()).isZero();
      assertThat(next.openWeight()).isZero();
      assertThat(community.moderation().flags().list(moderator, reply.id())).extracting(Flag::weight)
          .containsExactly(0);
    }

    @Test
    @DisplayName("four decided flags do not move the weight yet; mixed records round to the nearest whole weight")
    void fewDecisions_keepBase() {
      List<PostId> posts = bobsReplies(6);
      for (int i = 0; i < 4; i++) {
        flag(carol, posts.get(i));
        community.moderation().dismissFlags(moderator, posts.get(i));
      }
      assertThat(flag(carol, posts.get(4)).flag().weight()).as("4 decided flags").isEqualTo(1);
      community.moderation().delete(moderator, posts.get(4), "Spam");

      // 1 agreed of 5: round(2 * 1/5) = 0.
      assertThat(flag(carol, posts.get(5)).flag().weight()).isZero();
    }
  }

  @Nested
  @DisplayName("The queue and its decisions")
  class Decisions {
    private Space premoderated;

    @BeforeEach
    void createPremoderatedSpace() {
      premoderated = community.spaces().create(admin,
          SpaceDraft.of("careful", "Careful", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
    }

    private PostId pendingTopic(Actor author, String title) {
      return opening(community.topics().start(author, premoderated.id(), TopicDraft.of(title, "Body", "help"))).id();
    }

    @Test
    @DisplayName("the queue lists pending and hidden posts oldest first, page by page, without flags for pending ones")
    void queue_pagesOldestFirst() {
      PostId first = pendingTopic(bob, "First pending topic");
      hideReply();
      PostId third = pendingTopic(carol, "Third pending topic");

      Page<QueueItem> page = community.moderation().queue().page(moderator, Optional.empty(), 2);
      Page<QueueItem> rest = community.moderation().queue().page(moderator, page.next(), 2);

      // Bob's reply was written before the pending topics: the queue is in posting order.
      assertThat(page.items()).extracting(item -> item.post().id()).containsExactly(reply.id(), first);
      assertThat(page.items().get(1).flags().count()).isZero();
      assertThat(page.items().get(1).post().status()).isEqualTo(PostStatus.PENDING);
      assertThat(page.items().get(1).space().id()).isEqualTo(premoderated.id());
      assertThat(rest.items()).extracting(item -> item.post().id()).containsExactly(third);
      assertThat(rest.next()).isEmpty();
    }

    @Test
    @DisplayName("only moderators and admins read the queue and decide; bad page sizes and cursors are rejected")
    void queue_isForModerators() {
      assertThatThrownBy(() -> community.moderation().queue().page(alice, Optional.empty(), 10))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.moderation().delete(alice, reply.id(), "Spam"))
          .isInstanceOf(PermissionDeniedException.class);
      assertThat(community.moderation().queue().page(admin, Optional.empty(), 10).items()).isEmpty();
      assertRejected("limit", () -> community.moderation().queue().page(moderator, Optional.empty(), 101));
      assertRejected("cursor", () -> community.moderation().queue().page(moderator, Optional.of("bogus"), 10));
    }

    @Test
    @DisplayName("approving a hidden post publishes it again with its counters; its flags were wrong")
    void approveHidden_restores() {
      flag(carol, reply.id());
      hideReply();

      community.moderation().approve(moderator, reply.id());

      ThreadView after = read(alice);
      assertThat(after.posts()).extracting(PostView::id).contains(reply.id());
      assertThat(after.topic().replyCount()).isEqualTo(1);
      assertThat(queue()).isEmpty();
      assertThat(community.moderation().flags().list(moderator, reply.id())).extracting(Flag::outcome)
          .containsOnly(FlagOutcome.DISAGREED);
      assertThat(flag(alice, reply.id()).openWeight()).as("decided flags no longer count").isEqualTo(1);
      assertThatThrownBy(() -> community.moderation().approve(moderator, reply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.status"));
    }

    @Test
    @DisplayName("rejecting a hidden post deletes it with a reason; its flags were right")
    void rejectHidden_deletes() {
      hideReply();

      community.moderation().reject(moderator, reply.id(), "Advertising is not allowed");

      assertThat(community.posts().find(moderator, reply.id())).isEmpty();
      assertThat(read(alice).topic().replyCount()).isZero();
      assertThat(queue()).isEmpty();
      assertThat(community.moderation().flags().list(moderator, reply.id())).extracting(Flag::outcome)
          .containsExactly(FlagOutcome.AGREED);
      assertThat(events()).filteredOn(e -> e.type().equals("post.moderated")).last()
          .extracting(CommunityEvent::payload).asString().contains("Advertising is not allowed", "DELETED");
      assertRejected("reason", () -> community.moderation().reject(moderator, reply.id(), " "));
    }

    @Test
    @DisplayName("a moderator edits a waiting post, keeping a revision; a stale version is a conflict")
    void editWaiting_keepsRevision() {
      hideReply();
      PostView hidden = asModerator(reply.id());

      PostView edited = community.moderation().edit(moderator, reply.id(), hidden.version(), "Watches, link removed");

      assertThat(edited.source()).isEqualTo("Watches, link removed");
      assertThat(edited.status()).isEqualTo(PostStatus.HIDDEN);
      assertThat(community.posts().revisions(moderator, reply.id())).extracting(r -> r.source())
          .containsExactly("Buy cheap watches at example.com");
      assertThatThrownBy(() -> community.moderation().edit(moderator, reply.id(), hidden.version(), "Again"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.version"));
      community.moderation().approve(moderator, reply.id());
      assertThat(read(carol).posts()).extracting(PostView::source).contains("Watches, link removed");
      assertThatThrownBy(() -> community.moderation().edit(moderator, reply.id(), edited.version() + 1, "Published"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.status"));
    }

    @Test
    @DisplayName("deleting a published, flagged post takes it out of its thread and agrees with its flags")
    void deletePublished_agreesWithFlags() {
      flag(carol, reply.id());

      community.moderation().delete(moderator, reply.id(), "Off-topic advertising");

      assertThat(read(alice).posts()).extracting(PostView::id).doesNotContain(reply.id());
      assertThat(read(alice).topic().replyCount()).isZero();
      assertThat(community.moderation().flags().list(moderator, reply.id())).extracting(Flag::outcome)
          .containsExactly(FlagOutcome.AGREED);
      assertThatThrownBy(() -> community.moderation().delete(moderator, reply.id(), "Again"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.status"));
    }

    @Test
    @DisplayName("dismissing a published post's flags keeps it up and restarts its weight; no open flags is a conflict")
    void dismiss_keepsPostUp() {
      flag(carol, reply.id());
      flag(alice, reply.id());

      assertThat(community.moderation().dismissFlags(moderator, reply.id())).isEqualTo(2);

      assertThat(read(carol).posts()).extracting(PostView::id).contains(reply.id());
      assertThat(community.moderation().flags().list(moderator, reply.id())).extracting(Flag::outcome)
          .containsOnly(FlagOutcome.DISAGREED);
      assertThatThrownBy(() -> community.moderation().dismissFlags(moderator, reply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("flag.open"));
      assertThat(flag(crowd.get(0), reply.id()).openWeight()).isEqualTo(1);
      hideReply();
      assertThatThrownBy(() -> community.moderation().dismissFlags(moderator, reply.id()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("post.status"));
    }

    @Test
    @DisplayName("approving and rejecting pending posts works from the queue as before")
    void pendingPosts_approveAndReject() {
      PostId approved = pendingTopic(bob, "A fine pending topic");
      PostId rejected = pendingTopic(carol, "A bad pending topic");

      community.moderation().approve(moderator, approved);
      community.moderation().reject(moderator, rejected, "Not on topic");

      assertThat(queue()).isEmpty();
      assertThat(community.topics().list(alice, ListingRequest.of(premoderated.id(), ListingOrder.LATEST)).items())
          .extracting(TopicSummary::title).containsExactly("A fine pending topic");
    }
  }

  @Nested
  @DisplayName("Spam removal")
  class Spam {
    private Space premoderated;

    @BeforeEach
    void earnReputation() {
      // Eleven up votes give bob 1 + 110 reputation.
      for (int i = 0; i < 11; i++) {
        community.votes().up(crowd.get(i), reply.id());
      }
      premoderated = community.spaces().create(admin,
          SpaceDraft.of("careful", "Careful", SpaceKind.DISCUSSION).withModeration(ModerationMode.ALL));
    }

    @Test
    @DisplayName("removing a post as spam deletes it, costs its author 100 reputation once, and agrees with its flags")
    void removeAsSpam_costsOnce() {
      assertThat(reputation(bob)).isEqualTo(111);
      flag(carol, reply.id());

      SpamRemoval removal = community.moderation().removeAsSpam(moderator, reply.id());

      assertThat(removal.removed()).isTrue();
      assertThat(removal.reputationDelta()).isEqualTo(-100);
      assertThat(reputation(bob)).isEqualTo(11);
      assertThat(community.posts().find(moderator, reply.id())).isEmpty();
      assertThat(read(alice).topic().replyCount()).isZero();
      assertThat(community.moderation().flags().list(moderator, reply.id())).extracting(Flag::outcome)
          .containsExactly(FlagOutcome.AGREED);

      SpamRemoval again = community.moderation().removeAsSpam(admin, reply.id());

      assertThat(again.removed()).isFalse();
      assertThat(again.reputationDelta()).isZero();
      assertThat(reputation(bob)).isEqualTo(11);
    }

    @Test
    @DisplayName("the floor of 1 limits the penalty")
    void removeAsSpam_stopsAtFloor() {
      community.moderation().removeAsSpam(moderator, reply.id());
      PostView another = community.posts().reply(bob, thread.topic().id(), "More cheap watches");

      SpamRemoval removal = community.moderation().removeAsSpam(moderator, another.id());

      assertThat(removal.reputationDelta()).isEqualTo(-10);
      assertThat(reputation(bob)).isEqualTo(1);
    }

    @Test
    @DisplayName("the spammer's other pending posts are hidden and stay in the queue; other members' are untouched")
    void removeAsSpam_hidesOtherPendingPosts() {
      PostId first = opening(community.topics().start(bob, premoderated.id(),
          TopicDraft.of("Cheap watches here", "Buy now", "help"))).id();
      PostId second = opening(community.topics().start(bob, premoderated.id(),
          TopicDraft.of("More cheap watches", "Buy more", "help"))).id();
      PostId carols = opening(community.topics().start(carol, premoderated.id(),
          TopicDraft.of("An honest question", "Why?", "help"))).id();

      SpamRemoval removal = community.moderation().removeAsSpam(moderator, reply.id());

      assertThat(removal.hidden()).containsExactly(first, second);
      assertThat(queue()).extracting(item -> item.post().id(), item -> item.post().status()).containsExactly(
          tuple(first, PostStatus.HIDDEN),
          tuple(second, PostStatus.HIDDEN),
          tuple(carols, PostStatus.PENDING));
      assertThat(community.posts().find(bob, first)).as("no longer the author's to see").isEmpty();
      community.moderation().approve(moderator, first);
      assertThat(community.topics().list(alice, ListingRequest.of(premoderated.id(), ListingOrder.LATEST)).items())
          .extracting(TopicSummary::title).containsExactly("Cheap watches here");
    }

    @Test
    @DisplayName("removing an anonymous post as spam deletes it only: no penalty, no sweep, nothing that names its author")
    void removeAnonymousSpam_linksNothing() {
      Space open = community.spaces().create(admin,
          SpaceDraft.of("open-mic", "Open mic", SpaceKind.DISCUSSION).withAnonymousPosting(true));
      TopicId topic = community.topics().start(alice, open.id(),
          TopicDraft.of("Anonymous questions welcome", "Ask away", "help")).topic().id();
      PostId pending = opening(community.topics().start(bob, premoderated.id(),
          TopicDraft.of("A pending question", "Waiting", "help"))).id();
      PostId anonymous = community.posts().replyAnonymously(bob, topic, "Cheap watches, says nobody").id();

      SpamRemoval removal = community.moderation().removeAsSpam(moderator, anonymous);

      assertThat(removal.removed()).isTrue();
      assertThat(removal.reputationDelta()).isZero();
      assertThat(removal.hidden()).isEmpty();
      assertThat(reputation(bob)).isEqualTo(111);
      assertThat(community.posts().find(alice, anonymous)).isEmpty();
      assertThat(queue()).extracting(item -> item.post().id(), item -> item.post().status())
          .containsExactly(tuple(pending, PostStatus.PENDING));
      assertThat(community.audit().by(admin, moderator.memberId(), Optional.empty(), 10))
          .filteredOn(entry -> entry.action().equals("post.spam")).singleElement()
          .satisfies(entry -> assertThat(entry.subjectId()).isEmpty());
    }

    @Test
    @DisplayName("removing an opening post as spam deletes its topic")
    void removeOpeningPost_deletesTopic() {
      ThreadView spam = startTopic(bob, "Cheap watches for everyone");

      community.moderation().removeAsSpam(moderator, opening(spam).id());

      assertThat(community.topics().list(alice, ListingRequest.of(discussion.id(), ListingOrder.LATEST)).items())
          .extracting(TopicSummary::id).containsExactly(thread.topic().id());
      assertThatThrownBy(() -> community.topics().thread(alice, spam.topic().id(), Optional.empty(), 20))
          .isInstanceOf(NotFoundException.class);
      assertThat(community.moderation().queue().page(moderator, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    @DisplayName("only moderators remove spam")
    void removeAsSpam_isForModerators() {
      assertThatThrownBy(() -> community.moderation().removeAsSpam(alice, reply.id()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThat(reputation(bob)).isEqualTo(111);
    }
  }

  @Nested
  @DisplayName("Sanctions")
  class Sanctions {
    @Test
    @DisplayName("a silenced member reads but cannot post, vote or flag until the silence ends by the clock")
    void silence_blocksWritesUntilItEnds() {
      Sanction silence = community.moderation().sanctions().silence(moderator, bob.memberId(), Duration.ofHours(1),
          "Cool down");
      Instant until = silence.endsAt().orElseThrow();

      assertThatThrownBy(() -> community.posts().reply(bob, thread.topic().id(), "Still here"))
          .isInstanceOfSatisfying(PermissionDeniedException.class,
              e -> assertThat(e.reason()).contains("silenced", until.toString(), "Cool down"));
      assertThatThrownBy(() -> community.votes().up(bob, opening(thread).id()))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> flag(bob, opening(thread).id())).isInstanceOf(PermissionDeniedException.class);
      assertThat(read(bob).posts()).hasSize(2);

      clock.advance(Duration.ofMinutes(61));

      assertThat(community.posts().reply(bob, thread.topic().id(), "Back again").status())
          .isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    @DisplayName("a suspended member can neither read nor act until the suspension is lifted, and the lift is recorded")
    void suspend_untilLifted() {
      community.moderation().sanctions().suspend(moderator, bob.memberId(), Optional.empty(), "Harassment");

      assertThatThrownBy(() -> community.posts().reply(bob, thread.topic().id(), "Hello"))
          .isInstanceOfSatisfying(PermissionDeniedException.class,
              e -> assertThat(e.reason()).contains("suspended", "until the sanction is lifted"));
      assertThatThrownBy(() -> read(bob)).isInstanceOf(PermissionDeniedException.class);
      clock.advance(Duration.ofDays(365));
      assertThatThrownBy(() -> read(bob)).isInstanceOf(PermissionDeniedException.class);

      assertThat(community.moderation().sanctions().lift(admin, bob.memberId(), "Appeal granted")).isEqualTo(1);

      assertThat(read(bob).posts()).hasSize(2);
      Sanction lifted = community.moderation().sanctions().history(moderator, bob.memberId()).get(0);
      assertThat(lifted.liftedBy()).contains(admin.memberId());
      assertThat(lifted.liftReason()).contains("Appeal granted");
      assertThat(lifted.moderatorId()).isEqualTo(moderator.memberId());
      assertThatThrownBy(() -> community.moderation().sanctions().lift(admin, bob.memberId(), "Again"))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("sanction.none"));
    }

    @Test
    @DisplayName("a timed suspension ends by itself; a ban holds until lifted")
    void timedSuspension_andBan() {
      community.moderation().sanctions().suspend(moderator, bob.memberId(), Optional.of(Duration.ofDays(1)), "Rude");
      community.moderation().sanctions().ban(moderator, carol.memberId(), "Spam bot");

      clock.advance(Duration.ofDays(2));

      assertThat(read(bob).posts()).hasSize(2);
      assertThatThrownBy(() -> community.posts().reply(carol, thread.topic().id(), "Hi"))
          .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.reason()).contains("banned"));
      community.moderation().sanctions().lift(moderator, carol.memberId(), "Human after all");
      assertThat(community.posts().reply(carol, thread.topic().id(), "Hi").status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    @DisplayName("moderators cannot sanction admins or themselves; members cannot sanction; admins sanction moderators")
    void whoMaySanction() {
      assertThatThrownBy(() -> community.moderation().sanctions().ban(moderator, admin.memberId(), "Coup"))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.moderation().sanctions().ban(moderator, moderator.memberId(), "Oops"))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.moderation().sanctions().ban(alice, bob.memberId(), "Dislike"))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> community.moderation().sanctions().history(alice, bob.memberId()))
          .isInstanceOf(PermissionDeniedException.class);

      community.moderation().sanctions().silence(admin, moderator.memberId(), Duration.ofHours(2), "Overreach");

      assertThatThrownBy(() -> community.moderation().delete(moderator, reply.id(), "Spam"))
          .isInstanceOf(PermissionDeniedException.class);
      assertThat(community.moderation().sanctions().history(admin, moderator.memberId()))
          .extracting(Sanction::kind).containsExactly(SanctionKind.SILENCE);
    }

    @Test
    @DisplayName("bad durations and reasons are rejected; a missing member is not found")
    void badInput() {
      assertRejected("duration", () -> community.moderation().sanctions()
          .silence(moderator, bob.memberId(), Duration.ZERO, "Why"));
      assertRejected("reason", () -> community.moderation().sanctions().ban(moderator, bob.memberId(), ""));
      assertThatThrownBy(() -> community.moderation().sanctions()
          .ban(moderator, new MemberId(987_654_321L), "Ghost"))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("the history lists every sanction, newest first, with who, when and why, and each one is an event")
    void history_isTheAudit() {
      Instant start = clock.instant();
      community.moderation().sanctions().silence(moderator, bob.memberId(), Duration.ofHours(1), "First warning");
      clock.advance(Duration.ofHours(2));
      community.moderation().sanctions().suspend(admin, bob.memberId(), Optional.of(Duration.ofDays(7)), "Again");

      List<Sanction> history = community.moderation().sanctions().history(moderator, bob.memberId());

      assertThat(history).extracting(Sanction::kind).containsExactly(SanctionKind.SUSPEND, SanctionKind.SILENCE);
      assertThat(history).extracting(Sanction::moderatorId).containsExactly(admin.memberId(), moderator.memberId());
      assertThat(history).extracting(Sanction::reason).containsExactly("Again", "First warning");
      assertThat(history.get(1).startsAt()).isEqualTo(start.truncatedTo(ChronoUnit.MICROS));
      assertThat(eventsOf("member.sanctioned")).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("Concurrency")
  class Concurrency {
    @Test
    @DisplayName("eight members flagging one post at once hide it exactly once, and its stored weights add up")
    void concurrentFlags_hideOnce() throws InterruptedException {
      List<Actor> flaggers = crowd.subList(0, 8);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      List<FlagResult> results = Collections.synchronizedList(new ArrayList<>());

      runConcurrently(8, flaggers, flagger -> {
        try {
          results.add(flag(flagger, reply.id()));
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });

      // Whoever comes after the flag that hid the post finds it gone, as every member would.
      assertThat(failures).allSatisfy(e -> assertThat(e).isInstanceOf(NotFoundException.class));
      assertThat(results.size() + failures.size()).isEqualTo(8);
      assertThat(results).extracting(FlagResult::openWeight)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, results.size()).mapToObj(i -> (long) i)
              .toList());
      assertThat(results.size()).isGreaterThanOrEqualTo(5);
      assertThat(eventsOf("post.hidden")).isEqualTo(1);
      assertThat(results).filteredOn(r -> !r.hidden()).hasSize(4);
      assertThat(asModerator(reply.id()).status()).isEqualTo(PostStatus.HIDDEN);
      List<Flag> stored = community.moderation().flags().list(moderator, reply.id());
      assertThat(stored).hasSize(results.size());
      assertThat(stored.stream().mapToLong(Flag::weight).sum()).isEqualTo(results.size());
      assertThat(queue()).singleElement()
          .satisfies(item -> assertThat(item.flags().weight()).isEqualTo(results.size()));
      assertThat(read(alice).topic().replyCount()).as("counted out exactly once").isZero();
    }
  }
}
