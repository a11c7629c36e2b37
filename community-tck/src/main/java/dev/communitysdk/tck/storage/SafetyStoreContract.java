package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.T0;
import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.profile;
import static dev.communitysdk.tck.storage.Samples.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Topic;

/**
 * The storage contract of the trust-and-safety ports: rate-limit counters ({@link
 * dev.communitysdk.spi.storage.RateLimitStore}), member handles, mentions ({@link
 * dev.communitysdk.spi.storage.MentionStore}) and stale renderings of posts. Extend it like
 * {@link CommunityStoreContract}.
 */
public abstract class SafetyStoreContract extends StoreContract {
  private static final MemberId MISSING_MEMBER = new MemberId(987_654_321L);
  private static final PostId MISSING_POST = new PostId(987_654_321L);

  /** For subclasses. */
  protected SafetyStoreContract() {}

  @Nested
  @DisplayName("rate-limit counters")
  class RateCounters {
    @Test
    @DisplayName("increment creates a counter at 1 and adds 1 each time; each (member, limit, window) counts apart")
    void increment_countsPerMemberLimitAndWindow() {
      Member ann = newMember();
      Member ben = newMember();

      assertThat(tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "topics.day", T0))).isEqualTo(1);
      assertThat(tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "topics.day", T0))).isEqualTo(2);
      assertThat(tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "votes.day", T0))).isEqualTo(1);
      assertThat(tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "topics.day", at(86_400))))
          .isEqualTo(1);
      assertThat(tx().inTransaction(() -> store().rateLimits().increment(ben.id(), "topics.day", T0))).isEqualTo(1);

      assertThat(store().rateLimits().count(ann.id(), "topics.day", T0)).isEqualTo(2);
      assertThat(store().rateLimits().count(ann.id(), "replies", T0)).isZero();
    }

    @Test
    @DisplayName("an increment rolls back with its transaction")
    void increment_rolledBack_isNotCounted() {
      Member ann = newMember();
      tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "topics.day", T0));

      assertThatThrownBy(() -> tx().inTransaction(() -> {
        store().rateLimits().increment(ann.id(), "topics.day", T0);
        throw new IllegalStateException("refused");
      })).hasMessage("refused");

      assertThat(store().rateLimits().count(ann.id(), "topics.day", T0)).isEqualTo(1);
    }

    @Test
    @DisplayName("a limit's name has 1 to 40 characters")
    void increment_badLimitName_isRefused() {
      Member ann = newMember();

      for (String bad : List.of("", "x".repeat(41))) {
        assertThatThrownBy(() -> tx().inTransaction(() -> store().rateLimits().increment(ann.id(), bad, T0)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().rateLimits().count(ann.id(), bad, T0))
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "x".repeat(40), T0)))
          .isEqualTo(1);
    }

    @Test
    @DisplayName("a counter of a missing member is refused")
    void increment_missingMember_isRefused() {
      assertThatThrownBy(() -> tx().inTransaction(
          () -> store().rateLimits().increment(MISSING_MEMBER, "topics.day", T0)))
          .isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("concurrent increments of one counter lose none, and each sees its own count")
    void increment_concurrently_losesNothing() throws Exception {
      Member ann = newMember();
      tx().inTransaction(() -> store().rateLimits().increment(ann.id(), "votes.day", T0));
      Queue<Long> seen = new ConcurrentLinkedQueue<>();

      Queue<Throwable> failures = runConcurrently(thread -> seen.add(incrementRetrying(ann.id())));

      assertThat(failures).isEmpty();
      assertThat(seen).containsExactlyInAnyOrderElementsOf(
          java.util.stream.LongStream.rangeClosed(2, THREADS + 1).boxed().toList());
      assertThat(store().rateLimits().count(ann.id(), "votes.day", T0)).isEqualTo(THREADS + 1);
    }

    /** What core's command runner does: run the transaction again when the store says it may then succeed. */
    private long incrementRetrying(MemberId member) {
      for (int attempt = 1; ; attempt++) {
        try {
          return tx().inTransaction(() -> store().rateLimits().increment(member, "votes.day", T0));
        } catch (TransientStorageException e) {
          if (attempt == 10) {
            throw e;
          }
        }
      }
    }
  }

  @Nested
  @DisplayName("handles")
  class Handles {
    @Test
    @DisplayName("a handle belongs to one member; findByHandles finds its holders and ignores unknown handles")
    void handle_isUniqueAndFound() {
      Member ann = newMember();
      Member ben = newMember();
      NewMember thief = new NewMember(unique("thief"), profile("Thief"), 1, T0, ann.handle());

      assertThatThrownBy(() -> store().members().insert(thief)).isInstanceOf(DuplicateKeyException.class);
      assertThat(store().members().findByHandles(List.of(ann.handle(), ben.handle(), ann.handle(), "nobody_here")))
          .containsExactlyInAnyOrder(ann, ben);
      assertThat(store().members().findByHandles(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a profile update keeps the handle")
    void updateProfile_keepsTheHandle() {
      Member ann = newMember();

      store().members().updateProfile(ann.id(), profile("Someone Else Entirely"));

      assertThat(store().members().find(ann.id()).orElseThrow().handle()).isEqualTo(ann.handle());
    }
  }

  @Nested
  @DisplayName("mentions")
  class Mentions {
    @Test
    @DisplayName("replace stores a post's mentioned members once each, by id, and replaces them on the next call")
    void replace_storesAndReplaces() {
      Post post = newPostOf(newMember());
      Member ann = newMember();
      Member ben = newMember();
      Member cid = newMember();

      tx().inTransaction(() -> {
        store().mentions().replace(post.id(), List.of(cid.id(), ann.id(), cid.id()));
        return null;
      });
      assertThat(store().mentions().list(post.id())).containsExactly(ann.id(), cid.id());

      tx().inTransaction(() -> {
        store().mentions().replace(post.id(), List.of(ben.id()));
        return null;
      });
      assertThat(store().mentions().list(post.id())).containsExactly(ben.id());

      tx().inTransaction(() -> {
        store().mentions().replace(post.id(), List.of());
        return null;
      });
      assertThat(store().mentions().list(post.id())).isEmpty();
      assertThat(store().mentions().list(MISSING_POST)).isEmpty();
    }

    @Test
    @DisplayName("mentions of a missing post or member are refused")
    void replace_missingRows_areRefused() {
      Post post = newPostOf(newMember());

      assertThatThrownBy(() -> tx().inTransaction(() -> {
        store().mentions().replace(MISSING_POST, List.of(post.authorId()));
        return null;
      })).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> tx().inTransaction(() -> {
        store().mentions().replace(post.id(), List.of(MISSING_MEMBER));
        return null;
      })).isInstanceOf(StorageException.class);
    }
  }

  @Nested
  @DisplayName("stale renderings")
  class StaleRenderings {
    @Test
    @DisplayName("listStale pages through posts of any status rendered by older versions, in id order")
    void listStale_pagesInIdOrder() {
      Member author = newMember();
      Post first = newPostOf(author);
      Post current = newPostOf(author);
      Post second = newPostOf(author);
      Post third = newPostOf(author);
      store().posts().updateStatus(third.id(), PostStatus.DELETED, at(5));
      store().posts().updateRendering(current.id(), current.version(), "<p>new</p>", 4);

      List<Post> page = store().posts().listStale(4, Optional.empty(), 2);
      List<Post> next = store().posts().listStale(4, Optional.of(page.get(1).id()), 2);

      assertThat(page).extracting(Post::id).containsExactly(first.id(), second.id());
      assertThat(next).extracting(Post::id).containsExactly(third.id());
      assertThat(store().posts().listStale(3, Optional.empty(), 10)).isEmpty();
    }

    @Test
    @DisplayName("updateRendering replaces HTML and render version only, and only at the expected version")
    void updateRendering_isNotAnEdit() {
      Post post = newPostOf(newMember());

      assertThat(store().posts().updateRendering(post.id(), post.version() + 1, "<p>late</p>", 4)).isFalse();
      assertThat(store().posts().updateRendering(post.id(), post.version(), "<p>fresh</p>", 4)).isTrue();
      assertThat(store().posts().updateRendering(MISSING_POST, 1, "<p>x</p>", 4)).isFalse();

      Post stored = store().posts().find(post.id()).orElseThrow();
      assertThat(stored.content().html()).isEqualTo("<p>fresh</p>");
      assertThat(stored.content().renderVersion()).isEqualTo(4);
      assertThat(stored.content().source()).isEqualTo(post.content().source());
      assertThat(stored.content().sentiment()).isEqualTo(post.content().sentiment());
      assertThat(stored.version()).isEqualTo(post.version());
      assertThat(stored.updatedAt()).isEqualTo(post.updatedAt());
    }
  }

  private Post newPostOf(Member author) {
    Topic topic = newTopic(newSpace(), author, T0, 0);
    return newPost(topic, author, PostStatus.PUBLISHED);
  }
}
