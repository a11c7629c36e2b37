package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.content.RerenderReport;
import dev.communitysdk.core.idea.IdeaView;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewView;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.tck.safety.UnsafeMarkupDetector;
import dev.communitysdk.tck.safety.XssCorpus;

/**
 * Safe content through the public API: every payload of the {@link XssCorpus} posted as a topic, reply, edit, idea,
 * official response, review and official reply, then read back through thread pages, listings, idea and review pages,
 * leaves no executable markup in any HTML the API returns; titles and display names come with escaped accessors;
 * tags with markup are refused; {@code @handle} mentions resolve only to members who may read the space; stale
 * renderings are rendered again on read and by {@code content().rerenderStale}. Extend it like
 * {@link CommunityContract}.
 */
public abstract class ContentSafetyContract extends CommunityFixture {
  /** The payloads the input rules accept; the others hold control characters, which bodies may not. */
  private static final List<String> PAYLOADS = XssCorpus.payloads().stream().filter(p -> !hasControl(p)).toList();
  private static final List<String> REFUSED = XssCorpus.payloads().stream().filter(p -> hasControl(p)).toList();

  /** An ideas space. */
  protected Space ideas;
  /** A reviews space. */
  protected Space reviews;
  /** An employee. */
  protected Actor employee;

  @BeforeEach
  void createSpaces() {
    identities.register("emp", "Emma Employee", Role.EMPLOYEE);
    employee = community.actor("emp");
    ideas = community.spaces().create(admin, SpaceDraft.of("ideas", "Ideas", SpaceKind.IDEAS));
    reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Reviews", SpaceKind.REVIEWS));
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  private static void assertSafe(String what, String html) {
    assertThat(UnsafeMarkupDetector.problems(html)).as("problems in %s: %s", what, html).isEmpty();
  }

  /** A payload turned into a valid title: no control characters, 10 to 150 characters. */
  private static String title(String payload) {
    String title = ("Title " + payload.replaceAll("[\\p{Cntrl}\\u0080-\\u009f]", " ")).strip();
    return (title.length() > 136 ? title.substring(0, 136) : title) + " (long enough)";
  }

  @Nested
  @DisplayName("the XSS corpus through the API")
  class Corpus {
    @Test
    @DisplayName("holds at least 150 distinct payloads the input rules accept")
    void corpus_isLargeEnough() {
      assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(150).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("payloads with control characters are refused as bodies, writing nothing")
    void controlCharacters_areRefused() {
      assertThat(REFUSED).isNotEmpty();
      for (String payload : REFUSED) {
        assertRejected("body", () -> community.topics().start(alice, discussion.id(),
            TopicDraft.of("A harmless title", payload)));
      }
    }

    @Test
    @DisplayName("as topic bodies, titles, replies and edits: thread pages and listings return no executable markup")
    void topicsRepliesAndEdits_readBackSafe() {
      List<TopicId> topics = new ArrayList<>();
      for (String payload : PAYLOADS) {
        ThreadView started = community.topics().start(alice, discussion.id(), TopicDraft.of(title(payload), payload));
        PostView reply = community.posts().reply(bob, started.topic().id(), payload);
        community.posts().edit(bob, reply.id(), reply.version(), "Edited:\n\n" + payload);
        topics.add(started.topic().id());
      }

      for (TopicId topic : topics) {
        ThreadView thread = community.topics().thread(carol, topic, Optional.empty(), 10);
        assertThat(thread.posts()).hasSize(2);
        thread.posts().forEach(post -> assertSafe("post " + post.id(), post.html()));
        assertSafe("title", "<h1>" + thread.topic().titleHtml() + "</h1>");
        assertThat(thread.topic().titleHtml()).doesNotContain("<", ">", "\"");
      }
      Optional<String> cursor = Optional.empty();
      int listed = 0;
      do {
        ListingRequest request = ListingRequest.of(discussion.id(), ListingOrder.LATEST).limit(100);
        var page = community.topics().list(carol, cursor.map(request::after).orElse(request));
        for (TopicSummary summary : page.items()) {
          assertSafe("listed title", "<a href=\"https://ok.example\" rel=\"nofollow ugc\" title=\""
              + summary.titleHtml() + "\">" + summary.titleHtml() + "</a>");
        }
        listed += page.items().size();
        cursor = page.next();
      } while (cursor.isPresent());
      assertThat(listed).isEqualTo(PAYLOADS.size());
    }

    @Test
    @DisplayName("as ideas and official responses, reviews and official replies: their pages return no executable markup")
    void ideasAndReviews_readBackSafe() {
      for (int i = 0; i < PAYLOADS.size(); i++) {
        String payload = PAYLOADS.get(i);
        TopicId idea = community.ideas().propose(alice, ideas.id(), TopicDraft.of(title(payload), payload))
            .idea().topic().id();
        community.ideas().changeStatus(employee, idea, IdeaStatus.UNDER_REVIEW, payload);
        IdeaView view = community.ideas().find(carol, idea);
        assertSafe("official response", view.officialResponse().orElseThrow().html());
        community.ideas().history(carol, idea).forEach(response -> assertSafe("history", response.html()));
        assertSafe("idea body", community.topics().thread(carol, idea, Optional.empty(), 10).posts().get(0).html());

        TopicId review = community.reviews().write(bob, reviews.id(), ReviewDraft.of("product-" + i, 3,
            title(payload), payload)).topic().id();
        community.reviews().reply(employee, review, payload);
        ReviewView read = community.reviews().find(carol, review);
        assertSafe("review body", read.body().html());
        assertSafe("official reply", read.officialReply().orElseThrow().html());
      }
    }

    @Test
    @DisplayName("as display names from the identity provider: escaped names are inert and handles stay [a-z0-9_]")
    void displayNames_areEscaped() {
      for (int i = 0; i < 40; i++) {
        String name = PAYLOADS.get(i).isBlank() ? "blank" : PAYLOADS.get(i);
        identities.register("xss-" + i, name);
        Actor actor = community.actor("xss-" + i);
        ThreadView thread = community.topics().start(actor, discussion.id(), TopicDraft.of("A harmless title", "x"));

        var author = thread.topic().author();
        assertThat(author.displayName()).isEqualTo(name);
        assertSafe("display name", "<p title=\"" + author.displayNameHtml() + "\">" + author.displayNameHtml()
            + "</p>");
        assertThat(author.displayNameHtml()).doesNotContain("<", ">", "\"");
        assertThat(author.handle().orElseThrow()).matches("[a-z0-9_]{1,40}");
      }
    }

    @Test
    @DisplayName("tags with markup are refused")
    void tagsWithMarkup_areRefused() {
      for (String tag : List.of("<script>", "a\"b", "<b>x</b>", "javascript:x", "onerror=1")) {
        assertRejected("tags[0]", () -> community.topics().start(alice, discussion.id(),
            TopicDraft.of("A harmless title", "body", tag)));
      }
      assertThat(startTopic(alice, "A harmless title").topic().tagsHtml()).containsExactly("help");
    }

    @Test
    @DisplayName("external links carry rel=\"nofollow ugc\"")
    void externalLinks_areNofollowUgc() {
      ThreadView thread = community.topics().start(alice, discussion.id(),
          TopicDraft.of("A link to somewhere", "See [docs](https://ok.example/docs) or <https://ok.example/x>."));

      assertThat(opening(thread).html()).contains(
          "<a href=\"https://ok.example/docs\" rel=\"nofollow ugc\">docs</a>",
          "<a href=\"https://ok.example/x\" rel=\"nofollow ugc\">https://ok.example/x</a>");
    }
  }

  @Nested
  @DisplayName("handles and mentions")
  class Mentions {
    @Test
    @DisplayName("handles come from display names, deduplicated with a number, and stay when the name changes")
    void handles_areDerivedUniqueAndStable() {
      identities.register("alice-2", "Alice");
      identities.register("jose", "José Díaz-Pérez");
      Actor secondAlice = community.actor("alice-2");
      Actor jose = community.actor("jose");

      assertThat(handleOf(alice)).isEqualTo("alice");
      assertThat(handleOf(secondAlice)).isEqualTo("alice2");
      assertThat(handleOf(jose)).isEqualTo("jose_diaz_perez");

      identities.register("jose", "Pepe");
      community.members().refresh("jose");
      assertThat(handleOf(jose)).isEqualTo("jose_diaz_perez");
      assertThat(community.members().profile(jose.memberId()).orElseThrow().displayName()).isEqualTo("Pepe");
    }

    private String handleOf(Actor actor) {
      return community.members().profile(actor.memberId()).orElseThrow().handle().orElseThrow();
    }

    @Test
    @DisplayName("a mention of a member who may read the space is marked up and recorded; others stay plain text")
    void mentions_resolveOnlyReadersOfTheSpace() {
      Space staffOnly = community.spaces().create(admin, SpaceDraft.of("staff", "Staff room", SpaceKind.DISCUSSION)
          .restrictedTo(Set.of(Role.EMPLOYEE)));
      String body = "Ask @Emma_Employee or @alice or @nobody_at_all, not `@bob` or\n\n    @carol\n\nmail x@carol.example";

      ThreadView thread = community.topics().start(admin, staffOnly.id(), TopicDraft.of("Who knows the answer", body));
      String html = opening(thread).html();

      assertThat(html).contains("<span class=\"mention\" data-handle=\"emma_employee\">&#64;Emma_Employee</span>");
      assertThat(html).doesNotContain("data-handle=\"alice\"", "data-handle=\"nobody_at_all\"",
          "data-handle=\"bob\"", "data-handle=\"carol\"");
      assertThat(html).contains("&#64;alice", "&#64;nobody_at_all", "<code>&#64;bob</code>");
      assertSafe("mentions", html);
      assertThat(store.transactor().inTransaction(() -> store.mentions().list(opening(thread).id())))
          .containsExactly(employee.memberId());
      assertThat(events()).filteredOn(event -> event.type().equals("post.mentioned")).singleElement()
          .satisfies(event -> assertThat(event.payload()).contains("\"memberIds\":[" + employee.memberId().value()
              + "]"));
    }

    @Test
    @DisplayName("an edit replaces the recorded mentions and announces only the new ones")
    void edit_replacesMentions() {
      ThreadView thread = community.topics().start(alice, discussion.id(), TopicDraft.of("Calling @bob here",
          "Hello @bob"));
      PostView opening = opening(thread);

      PostView edited = community.posts().edit(alice, opening.id(), opening.version(), "Hello @bob and @carol");

      assertThat(edited.html()).contains("data-handle=\"bob\"", "data-handle=\"carol\"");
      assertThat(store.transactor().inTransaction(() -> store.mentions().list(opening.id())))
          .containsExactlyInAnyOrder(bob.memberId(), carol.memberId());
      assertThat(events()).filteredOn(event -> event.type().equals("post.mentioned"))
          .extracting(event -> event.payload())
          .containsExactly("{\"postId\":" + opening.id().value() + ",\"topicId\":" + thread.topic().id().value()
              + ",\"memberIds\":[" + bob.memberId().value() + "]}",
              "{\"postId\":" + opening.id().value() + ",\"topicId\":" + thread.topic().id().value()
              + ",\"memberIds\":[" + carol.memberId().value() + "]}");
    }
  }

  @Nested
  @DisplayName("render versions")
  class RenderVersions {
    private PostView staleReply() {
      ThreadView thread = startTopic(alice, "A topic with an old reply");
      PostView reply = community.posts().reply(bob, thread.topic().id(), "Ask **@alice**");
      store.transactor().inTransaction(() ->
          store.posts().updateRendering(reply.id(), reply.version(), "<p>rendered long ago</p>", 1));
      return reply;
    }

    @Test
    @DisplayName("a post an older renderer stored is rendered again from its source when read")
    void stalePost_isRenderedAgainOnRead() {
      PostView reply = staleReply();

      String html = community.posts().find(carol, reply.id()).orElseThrow().html();
      ThreadView thread = community.topics().thread(carol, reply.topicId(), Optional.empty(), 10);

      assertThat(html).isEqualTo(reply.html()).doesNotContain("long ago")
          .contains("<span class=\"mention\" data-handle=\"alice\">&#64;alice</span>");
      assertThat(thread.posts().get(1).html()).isEqualTo(reply.html());
    }

    @Test
    @DisplayName("rerenderStale rewrites stale HTML in batches, for admins only, without an edit")
    void rerenderStale_rewritesStoredHtml() {
      PostView first = staleReply();
      PostView second = staleReply();
      int events = eventCount();

      assertThatThrownBy(() -> community.content().rerenderStale(moderator, 10))
          .isInstanceOf(PermissionDeniedException.class);
      RerenderReport report = community.content().rerenderStale(admin, 1);

      assertThat(report.rerendered()).isEqualTo(2);
      assertThat(report.batches()).isEqualTo(2);
      for (PostView reply : List.of(first, second)) {
        Post stored = store.transactor().inTransaction(() -> store.posts().find(reply.id())).orElseThrow();
        assertThat(stored.content().html()).isEqualTo(reply.html());
        assertThat(stored.content().renderVersion()).isGreaterThan(1);
        assertThat(stored.version()).isEqualTo(reply.version());
        assertThat(community.posts().revisions(bob, reply.id())).isEmpty();
      }
      assertThat(eventCount()).isEqualTo(events);
      assertThat(community.content().rerenderStale(admin, 10).rerendered()).isZero();
    }
  }
}
