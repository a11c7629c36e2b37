package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.FlagOutcome;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.FlagSummary;
import dev.communitysdk.spi.model.FlaggerRecord;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewFlag;
import dev.communitysdk.spi.model.NewSanction;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Sanction;
import dev.communitysdk.spi.model.SanctionKind;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.storage.FlagStore;
import dev.communitysdk.spi.storage.SanctionStore;

/**
 * The moderation storage contract: what every {@link FlagStore} and {@link SanctionStore} must do, and the listing of
 * posts by status that the moderation queue reads. An adapter's test extends this class and makes a fresh store,
 * exactly as for {@link CommunityStoreContract}.
 */
public abstract class ModerationStoreContract extends StoreContract {
  private static final PostId MISSING = new PostId(987_654_321L);

  /** A topic with two posts by its author, and two members who flag them. */
  private Member author;
  private Member flagger;
  private Member other;
  private Topic topic;
  private Post post;
  private Post second;

  /** For subclasses. */
  protected ModerationStoreContract() {}

  @BeforeEach
  void createPosts() {
    author = newMember();
    flagger = newMember();
    other = newMember();
    Space space = newSpace();
    topic = newTopic(space, author, at(0), 1.0, "flags");
    post = newPost(topic, author, PostStatus.PUBLISHED);
    second = newPost(topic, author, PostStatus.PUBLISHED);
  }

  private FlagStore flags() {
    return store().flags();
  }

  private SanctionStore sanctions() {
    return store().sanctions();
  }

  private Flag flag(Member by, Post of, FlagReason reason, int weight) {
    return tx().inTransaction(() -> flags().insert(new NewFlag(of.id(), by.id(), reason, Optional.empty(), weight,
        at(10))));
  }

  @Nested
  @DisplayName("flags")
  class Flags {
    @Test
    @DisplayName("insert stores an open flag with its note and weight, and find returns it")
    void insert_storesOpenFlag() {
      Flag stored = tx().inTransaction(() -> flags().insert(
          new NewFlag(post.id(), flagger.id(), FlagReason.OTHER, Optional.of("Looks like a scam"), 3, at(10))));

      assertThat(stored.outcome()).isEqualTo(FlagOutcome.OPEN);
      assertThat(stored.weight()).isEqualTo(3);
      assertThat(stored.note()).contains("Looks like a scam");
      assertThat(stored.createdAt()).isEqualTo(at(10));
      assertThat(stored.decidedBy()).isEmpty();
      assertThat(flags().find(post.id(), flagger.id())).contains(stored);
      assertThat(flags().find(second.id(), flagger.id())).isEmpty();
      assertThat(flags().listByPost(post.id())).containsExactly(stored);
    }

    @Test
    @DisplayName("a second flag by the same member on the same post is a duplicate key; other pairs are not")
    void insert_twice_isDuplicate() {
      flag(flagger, post, FlagReason.SPAM, 1);

      assertThatThrownBy(() -> flag(flagger, post, FlagReason.OFFENSIVE, 2))
          .isInstanceOf(DuplicateKeyException.class);
      flag(flagger, second, FlagReason.SPAM, 1);
      flag(other, post, FlagReason.SPAM, 1);
      assertThat(flags().listByPost(post.id())).hasSize(2);
      assertThat(flags().openWeight(post.id())).isEqualTo(2);
    }

    @Test
    @DisplayName("listByFlagger pages through one member's flags, open and decided, in id order")
    void listByFlagger_pagesInIdOrder() {
      Flag first = flag(flagger, post, FlagReason.SPAM, 1);
      flag(other, post, FlagReason.SPAM, 1);
      Flag decided = flag(flagger, second, FlagReason.OFFENSIVE, 2);
      tx().inTransaction(() -> flags().resolve(second.id(), FlagOutcome.AGREED, other.id(), at(20)));
      Flag third = flag(flagger, newPost(topic, author, PostStatus.PUBLISHED), FlagReason.OTHER, 1);

      List<Flag> page = flags().listByFlagger(flagger.id(), Optional.empty(), 2);
      assertThat(page).extracting(Flag::id).containsExactly(first.id(), decided.id());
      assertThat(page.get(1).outcome()).isEqualTo(FlagOutcome.AGREED);
      assertThat(flags().listByFlagger(flagger.id(), Optional.of(decided.id()), 2)).extracting(Flag::id)
          .containsExactly(third.id());
      assertThat(flags().listByFlagger(author.id(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    @DisplayName("a flag of a missing post is refused")
    void insert_missingPost_isRefused() {
      assertThatThrownBy(() -> tx().inTransaction(() -> flags().insert(
          new NewFlag(MISSING, flagger.id(), FlagReason.SPAM, Optional.empty(), 1, at(10)))))
          .isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("the open weight sums the open flags of the post, and is 0 for a post never flagged")
    void openWeight_sumsOpenFlags() {
      flag(flagger, post, FlagReason.SPAM, 2);
      flag(other, post, FlagReason.OFF_TOPIC, 3);
      flag(other, second, FlagReason.SPAM, 1);

      assertThat(flags().openWeight(post.id())).isEqualTo(5);
      assertThat(flags().openWeight(second.id())).isEqualTo(1);
      assertThat(flags().openWeight(newPost(topic, author, PostStatus.PUBLISHED).id())).isZero();
    }

    @Test
    @DisplayName("resolve decides every open flag of the post, zeroes its open weight, and leaves other posts alone")
    void resolve_decidesOpenFlags() {
      flag(flagger, post, FlagReason.SPAM, 2);
      flag(other, post, FlagReason.SPAM, 1);
      flag(other, second, FlagReason.SPAM, 1);
      Member moderator = newMember();

      int decided = tx().inTransaction(() -> flags().resolve(post.id(), FlagOutcome.AGREED, moderator.id(), at(20)));

      assertThat(decided).isEqualTo(2);
      assertThat(flags().openWeight(post.id())).isZero();
      assertThat(flags().openWeight(second.id())).isEqualTo(1);
      assertThat(flags().listByPost(post.id())).allSatisfy(f -> {
        assertThat(f.outcome()).isEqualTo(FlagOutcome.AGREED);
        assertThat(f.decidedBy()).contains(moderator.id());
        assertThat(f.decidedAt()).contains(at(20));
      });
      assertThat(tx().inTransaction(() -> flags().resolve(post.id(), FlagOutcome.DISAGREED, moderator.id(), at(30))))
          .as("decided flags stay decided").isZero();
      assertThat(flags().listByPost(post.id())).extracting(Flag::outcome).containsOnly(FlagOutcome.AGREED);
    }

    @Test
    @DisplayName("flags made after a decision count again from 0")
    void flagsAfterResolve_countAgain() {
      flag(flagger, post, FlagReason.SPAM, 2);
      tx().inTransaction(() -> flags().resolve(post.id(), FlagOutcome.DISAGREED, other.id(), at(20)));

      flag(other, post, FlagReason.OFFENSIVE, 3);

      assertThat(flags().openWeight(post.id())).isEqualTo(3);
    }

    @Test
    @DisplayName("open summaries count, weigh and list the reasons of each post's open flags only")
    void openSummaries_sumOpenFlags() {
      flag(flagger, post, FlagReason.SPAM, 2);
      flag(other, post, FlagReason.OFFENSIVE, 1);
      flag(flagger, second, FlagReason.SPAM, 1);
      tx().inTransaction(() -> flags().resolve(second.id(), FlagOutcome.AGREED, other.id(), at(20)));
      Post unflagged = newPost(topic, author, PostStatus.PUBLISHED);

      List<FlagSummary> summaries = flags().openSummaries(List.of(post.id(), second.id(), unflagged.id()));

      assertThat(summaries).containsExactly(
          new FlagSummary(post.id(), 2, 3, Set.of(FlagReason.SPAM, FlagReason.OFFENSIVE)));
      assertThat(flags().openSummaries(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a flagger's record counts their agreed and disagreed flags, never open ones")
    void record_countsDecidedFlags() {
      Post third = newPost(topic, author, PostStatus.PUBLISHED);
      Post fourth = newPost(topic, author, PostStatus.PUBLISHED);
      flag(flagger, post, FlagReason.SPAM, 1);
      flag(flagger, second, FlagReason.SPAM, 1);
      flag(flagger, third, FlagReason.SPAM, 1);
      flag(flagger, fourth, FlagReason.SPAM, 1);
      flag(other, post, FlagReason.SPAM, 1);
      tx().inTransaction(() -> {
        flags().resolve(post.id(), FlagOutcome.AGREED, author.id(), at(20));
        flags().resolve(second.id(), FlagOutcome.AGREED, author.id(), at(20));
        return flags().resolve(third.id(), FlagOutcome.DISAGREED, author.id(), at(20));
      });

      assertThat(flags().record(flagger.id())).isEqualTo(new FlaggerRecord(2, 1));
      assertThat(flags().record(other.id())).isEqualTo(new FlaggerRecord(1, 0));
      assertThat(flags().record(author.id())).isEqualTo(FlaggerRecord.NONE);
    }

    @Test
    @DisplayName("markSpam is true the first time for a post and false ever after, flagged or not")
    void markSpam_once() {
      flag(flagger, post, FlagReason.SPAM, 1);

      assertThat(tx().inTransaction(() -> flags().markSpam(post.id(), at(20)))).isTrue();
      assertThat(tx().inTransaction(() -> flags().markSpam(post.id(), at(21)))).isFalse();
      assertThat(tx().inTransaction(() -> flags().markSpam(second.id(), at(22)))).isTrue();
      assertThat(flags().openWeight(post.id())).as("marking keeps the open weight").isEqualTo(1);
    }

    @Test
    @DisplayName("a rolled-back flag leaves neither the flag nor its weight behind")
    void rolledBack_leavesNothing() {
      assertThatThrownBy(() -> tx().inTransaction(() -> {
        flags().insert(new NewFlag(post.id(), flagger.id(), FlagReason.SPAM, Optional.empty(), 4, at(10)));
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);

      assertThat(flags().listByPost(post.id())).isEmpty();
      assertThat(flags().openWeight(post.id())).isZero();
    }

    @Test
    @DisplayName("concurrent flags of one post each read back the weight their own flag produced, and none is lost")
    void concurrentFlags_serializeOnTheOpenWeight() throws Exception {
      List<List<Member>> flaggers = membersPerThread(1);

      Queue<Throwable> failures = runConcurrently(thread -> withRetry(() -> tx().inTransaction(() -> {
        Flag flag = flags().insert(new NewFlag(post.id(), flaggers.get(thread).get(0).id(), FlagReason.SPAM,
            Optional.empty(), 1 + thread % 2, at(10)));
        return flags().openWeight(flag.postId());
      }), e -> e instanceof dev.communitysdk.spi.error.TransientStorageException
          || e instanceof DuplicateKeyException));

      assertThat(failures).isEmpty();
      List<Flag> stored = flags().listByPost(post.id());
      assertThat(stored).hasSize(THREADS);
      assertThat(flags().openWeight(post.id())).isEqualTo(stored.stream().mapToLong(Flag::weight).sum());
    }
  }

  @Nested
  @DisplayName("posts by status")
  class PostsByStatus {
    @Test
    @DisplayName("lists posts in the statuses across topics, oldest first, page after page, optionally by author")
    void listByStatus_pagesOldestFirst() {
      Topic another = newTopic(newSpace(), other, at(1), 1.0);
      Post pending = newPost(topic, author, PostStatus.PENDING);
      Post hidden = newPost(another, other, PostStatus.HIDDEN);
      newPost(topic, author, PostStatus.DELETED);
      Post pendingToo = newPost(another, author, PostStatus.PENDING);
      Set<PostStatus> waiting = EnumSet.of(PostStatus.PENDING, PostStatus.HIDDEN);

      List<Post> all = tx().inTransaction(() -> store().posts().listByStatus(waiting, Optional.empty(),
          Optional.empty(), 10));
      List<Post> firstPage = store().posts().listByStatus(waiting, Optional.empty(), Optional.empty(), 2);
      List<Post> secondPage = store().posts().listByStatus(waiting, Optional.empty(),
          Optional.of(firstPage.get(1).id()), 2);
      List<Post> byAuthor = store().posts().listByStatus(EnumSet.of(PostStatus.PENDING), Optional.of(author.id()),
          Optional.empty(), 10);

      assertThat(all).extracting(Post::id).containsExactly(pending.id(), hidden.id(), pendingToo.id());
      assertThat(firstPage).extracting(Post::id).containsExactly(pending.id(), hidden.id());
      assertThat(secondPage).extracting(Post::id).containsExactly(pendingToo.id());
      assertThat(byAuthor).extracting(Post::id).containsExactly(pending.id(), pendingToo.id());
      assertThat(store().posts().listByStatus(waiting, Optional.of(flagger.id()), Optional.empty(), 10)).isEmpty();
    }

    @Test
    @DisplayName("refuses an empty status set and a page size out of range")
    void listByStatus_badArguments() {
      assertThatThrownBy(() -> store().posts().listByStatus(Set.of(), Optional.empty(), Optional.empty(), 10))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().posts().listByStatus(EnumSet.of(PostStatus.PENDING), Optional.empty(),
          Optional.empty(), 201)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("sanctions")
  class Sanctions {
    private Sanction impose(SanctionKind kind, Instant startsAt, Optional<Instant> endsAt) {
      return tx().inTransaction(() -> sanctions().insert(
          new NewSanction(author.id(), kind, "Spamming the forum", flagger.id(), startsAt, endsAt)));
    }

    @Test
    @DisplayName("insert stores a sanction in force, with who imposed it, when and why")
    void insert_storesSanction() {
      Sanction stored = impose(SanctionKind.SILENCE, at(10), Optional.of(at(100)));

      assertThat(stored.memberId()).isEqualTo(author.id());
      assertThat(stored.kind()).isEqualTo(SanctionKind.SILENCE);
      assertThat(stored.reason()).isEqualTo("Spamming the forum");
      assertThat(stored.moderatorId()).isEqualTo(flagger.id());
      assertThat(stored.startsAt()).isEqualTo(at(10));
      assertThat(stored.endsAt()).contains(at(100));
      assertThat(stored.liftedAt()).isEmpty();
      assertThat(sanctions().list(author.id())).containsExactly(stored);
    }

    @Test
    @DisplayName("active returns the sanctions in force at a moment: started, not ended, not lifted")
    void active_byTime() {
      Sanction silence = impose(SanctionKind.SILENCE, at(10), Optional.of(at(100)));
      Sanction ban = impose(SanctionKind.BAN, at(50), Optional.empty());

      assertThat(sanctions().active(author.id(), at(5))).isEmpty();
      assertThat(sanctions().active(author.id(), at(10))).containsExactly(silence);
      assertThat(sanctions().active(author.id(), at(60))).containsExactly(silence, ban);
      assertThat(sanctions().active(author.id(), at(100))).as("the end is exclusive").containsExactly(ban);
      assertThat(sanctions().active(other.id(), at(60))).isEmpty();
    }

    @Test
    @DisplayName("lift ends the sanctions in force, records who lifted them, when and why, and keeps them listed")
    void lift_recordsWhoAndWhy() {
      Sanction expired = impose(SanctionKind.SILENCE, at(10), Optional.of(at(20)));
      impose(SanctionKind.SUSPEND, at(10), Optional.empty());
      impose(SanctionKind.SILENCE, at(10), Optional.of(at(100)));

      int lifted = tx().inTransaction(() -> sanctions().lift(author.id(), other.id(), "Apologized", at(30)));

      assertThat(lifted).isEqualTo(2);
      assertThat(sanctions().active(author.id(), at(31))).isEmpty();
      List<Sanction> history = sanctions().list(author.id());
      assertThat(history).hasSize(3);
      assertThat(history.get(2)).as("oldest last, expired, not lifted").isEqualTo(expired);
      assertThat(history.subList(0, 2)).allSatisfy(s -> {
        assertThat(s.liftedBy()).contains(other.id());
        assertThat(s.liftedAt()).contains(at(30));
        assertThat(s.liftReason()).contains("Apologized");
      });
      assertThat(tx().inTransaction(() -> sanctions().lift(author.id(), other.id(), "Again", at(40)))).isZero();
    }

    @Test
    @DisplayName("a sanction of a missing member is refused")
    void insert_missingMember_isRefused() {
      assertThatThrownBy(() -> tx().inTransaction(() -> sanctions().insert(new NewSanction(new MemberId(987_654_321L),
          SanctionKind.BAN, "Nobody", flagger.id(), at(10), Optional.empty()))))
          .isInstanceOf(StorageException.class);
    }
  }
}
