package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.openingPost;
import static dev.communitysdk.tck.storage.Samples.review;
import static dev.communitysdk.tck.storage.Samples.reviewTopic;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewReview;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.RatingCounts;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.ReviewOrder;
import dev.communitysdk.spi.model.ReviewQuery;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.ReviewStore;

/**
 * The review storage contract: what every {@link ReviewStore} must do, as JUnit 5 tests grouped by capability. An
 * adapter's test extends this class and makes a fresh store, exactly as for {@link CommunityStoreContract}:
 *
 * <pre>{@code
 * class JooqH2ReviewStoreContractTest extends ReviewStoreContract {
 *   @Override
 *   protected CommunityStore newStore() {
 *     return JooqCommunityStore.create(TestDatabase.h2().dataSource()); // plus migrations
 *   }
 * }
 * }</pre>
 */
public abstract class ReviewStoreContract extends StoreContract {
  private static final TopicId MISSING = new TopicId(987_654_321L);
  private static final String ROUTER = "sku:router-x";
  private static final String SWITCH = "sku:switch-8";

  /** For subclasses. */
  protected ReviewStoreContract() {}

  @Nested
  @DisplayName("reviews")
  class Reviews {
    @Test
    @DisplayName("insert keeps every field, with no official reply and a Wilson rank of 0, and find returns it")
    void insert_newReview_keepsEveryField() {
      Space space = newReviewsSpace();
      Member author = newMember();
      Topic topic = store().topics().insert(reviewTopic(space, author.id(), ROUTER, at(5)));
      Post opening = store().posts().insert(openingPost(topic, at(5)));
      NewReview unverified =
          new NewReview(topic.id(), space.id(), ROUTER, author.id(), opening.id(), 4, false, at(5));

      Review stored = reviews().insert(unverified);

      assertThat(stored).isEqualTo(new Review(topic.id(), space.id(), ROUTER, author.id(), opening.id(), 4, false,
          Optional.empty(), 0, at(5)));
      assertThat(reviews().find(topic.id())).contains(stored);
      assertThat(reviews().findByAuthor(author.id(), ROUTER)).contains(stored);
      assertThat(newReview(space, newMember(), ROUTER, 2, at(6)).verifiedOwner()).isTrue();
    }

    @Test
    @DisplayName("lookups of a missing review are empty")
    void lookups_missingReview_areEmpty() {
      Member author = newMember();
      newReview(newReviewsSpace(), author, ROUTER, 5, at(0));

      assertThat(reviews().find(MISSING)).isEmpty();
      assertThat(reviews().findByAuthor(author.id(), SWITCH)).isEmpty();
      assertThat(reviews().findByAuthor(newMember().id(), ROUTER)).isEmpty();
    }

    @Test
    @DisplayName("a second review of one product by one author is a duplicate key, even in another space; the author "
        + "may review another product, and others the same one")
    void insert_sameAuthorAndProduct_isDuplicate() {
      Space space = newReviewsSpace();
      Member author = newMember();
      Review first = newReview(space, author, ROUTER, 5, at(0));

      assertThatThrownBy(() -> newReview(space, author, ROUTER, 1, at(1))).isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> newReview(newReviewsSpace(), author, ROUTER, 1, at(2)))
          .isInstanceOf(DuplicateKeyException.class);
      Review otherProduct = newReview(space, author, SWITCH, 3, at(3));
      Review otherAuthor = newReview(space, newMember(), ROUTER, 2, at(4));

      assertThat(reviews().findByAuthor(author.id(), ROUTER)).contains(first);
      assertThat(reviews().findByAuthor(author.id(), SWITCH)).contains(otherProduct);
      assertThat(reviews().find(otherAuthor.topicId())).contains(otherAuthor);
    }

    @Test
    @DisplayName("a review of a missing topic, with a missing opening post or by a missing member is refused")
    void insert_missingReferences_isRefused() {
      Space space = newReviewsSpace();
      Member author = newMember();
      Topic topic = store().topics().insert(reviewTopic(space, author.id(), ROUTER, at(0)));
      Post opening = store().posts().insert(openingPost(topic, at(0)));

      assertThatThrownBy(() -> reviews().insert(new NewReview(MISSING, space.id(), ROUTER, author.id(), opening.id(),
          4, true, at(1)))).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> reviews().insert(new NewReview(topic.id(), space.id(), ROUTER, author.id(),
          new PostId(987_654_321L), 4, true, at(1)))).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> reviews().insert(new NewReview(topic.id(), space.id(), ROUTER,
          new MemberId(987_654_321L), opening.id(), 4, true, at(1)))).isInstanceOf(StorageException.class);

      assertThat(reviews().find(topic.id())).isEmpty();
      assertThat(reviews().findByAuthor(author.id(), ROUTER)).isEmpty();
    }

    @Test
    @DisplayName("updateStars and updateWilson change only their field, and a missing review says so")
    void updateStarsAndWilson_changeOneField() {
      Review review = newReview(newReviewsSpace(), newMember(), ROUTER, 4, at(0));

      assertThat(reviews().updateStars(review.topicId(), 2)).isTrue();
      assertThat(reviews().updateWilson(review.topicId(), 0.625)).isTrue();

      assertThat(reviews().find(review.topicId())).contains(new Review(review.topicId(), review.spaceId(), ROUTER,
          review.authorId(), review.openingPostId(), 2, true, Optional.empty(), 0.625, at(0)));
      assertThat(reviews().updateStars(MISSING, 3)).isFalse();
      assertThat(reviews().updateWilson(MISSING, 0.5)).isFalse();
    }

    @Test
    @DisplayName("stars outside 1 to 5 and a Wilson rank outside 0 to 1 are refused, and the review keeps its values")
    void updateStarsAndWilson_outOfRange_refused() {
      Review review = newReview(newReviewsSpace(), newMember(), ROUTER, 4, at(0));

      assertThatThrownBy(() -> reviews().updateStars(review.topicId(), 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> reviews().updateStars(review.topicId(), 6)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> reviews().updateWilson(review.topicId(), 1.5))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> reviews().updateWilson(review.topicId(), -0.1))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(reviews().find(review.topicId())).get().satisfies(stored -> {
        assertThat(stored.stars()).isEqualTo(4);
        assertThat(stored.wilson()).isZero();
      });
    }

    @Test
    @DisplayName("setOfficialReply sets the reply once; a second reply and a missing review are refused")
    void setOfficialReply_setsOnce() {
      Space space = newReviewsSpace();
      Review review = newReview(space, newMember(), ROUTER, 3, at(0));
      Topic topic = store().topics().find(review.topicId()).orElseThrow();
      Member staff = newMember();
      Post reply = newPost(topic, staff, PostStatus.PUBLISHED);
      Post later = newPost(topic, staff, PostStatus.PUBLISHED);

      assertThat(reviews().setOfficialReply(review.topicId(), reply.id())).isTrue();
      assertThat(reviews().setOfficialReply(review.topicId(), later.id())).isFalse();
      assertThat(reviews().setOfficialReply(MISSING, later.id())).isFalse();

      Review stored = reviews().find(review.topicId()).orElseThrow();
      assertThat(stored.officialReplyId()).contains(reply.id());
      assertThat(stored.stars()).isEqualTo(3);
      assertThat(reviews().findByAuthor(review.authorId(), ROUTER)).contains(stored);
    }

    @Test
    @DisplayName("delete removes a review once, and its author may then review the product again")
    void delete_removesOnce_authorMayReviewAgain() {
      Space space = newReviewsSpace();
      Member author = newMember();
      Review review = newReview(space, author, ROUTER, 1, at(0));
      Review kept = newReview(space, author, SWITCH, 5, at(1));

      assertThat(reviews().delete(review.topicId())).isTrue();
      assertThat(reviews().delete(review.topicId())).isFalse();
      assertThat(reviews().delete(MISSING)).isFalse();

      assertThat(reviews().find(review.topicId())).isEmpty();
      assertThat(reviews().findByAuthor(author.id(), ROUTER)).isEmpty();
      assertThat(reviews().find(kept.topicId())).contains(kept);
      Review again = newReview(space, author, ROUTER, 4, at(2));
      assertThat(reviews().findByAuthor(author.id(), ROUTER)).contains(again);
    }
  }

  /**
   * Five reviews of one product whose ranks tie in both orders, so that pages of two cut through ties, plus reviews of
   * another product and of the same product in another space, ranked above all, which must never show:
   *
   * <pre>
   * review  created  Wilson
   * R1      0        0.5
   * R2      10       0.25
   * R3      10       0.5
   * R4      20       0
   * R5      5        0.5
   * </pre>
   */
  @Nested
  @DisplayName("review listings")
  class ReviewListings {
    private final Map<TopicId, String> names = new HashMap<>();
    private @Nullable Space space;

    @BeforeEach
    void fiveReviewsWithTies() {
      Space listed = newReviewsSpace();
      space = listed;
      insert(listed, ROUTER, "R1", 0, 0.5);
      insert(listed, ROUTER, "R2", 10, 0.25);
      insert(listed, ROUTER, "R3", 10, 0.5);
      insert(listed, ROUTER, "R4", 20, 0);
      insert(listed, ROUTER, "R5", 5, 0.5);
      insert(listed, SWITCH, "other product", 30, 0.875);
      insert(newReviewsSpace(), ROUTER, "other space", 40, 1);
    }

    @Test
    @DisplayName("MOST_HELPFUL pages by Wilson rank, ties broken by the higher id, strictly after each cursor")
    void mostHelpful_pagesThroughTies() {
      assertThat(pageThrough(ReviewOrder.MOST_HELPFUL, 2)).containsExactly("R5", "R3", "R1", "R2", "R4");
    }

    @Test
    @DisplayName("NEWEST pages by creation, ties broken by the higher id")
    void newest_pagesThroughTies() {
      assertThat(pageThrough(ReviewOrder.NEWEST, 2)).containsExactly("R4", "R3", "R2", "R5", "R1");
    }

    @Test
    @DisplayName("pages of three cut the same orders at other places")
    void pagesOfThree_sameOrders() {
      assertThat(pageThrough(ReviewOrder.MOST_HELPFUL, 3)).containsExactly("R5", "R3", "R1", "R2", "R4");
      assertThat(pageThrough(ReviewOrder.NEWEST, 3)).containsExactly("R4", "R3", "R2", "R5", "R1");
    }

    @Test
    @DisplayName("a page holds at most the limit, listed reviews equal what find returns, and an unreviewed product "
        + "lists nothing")
    void list_limit_returnsFullReviews() {
      List<Review> page = reviews().list(query(ReviewOrder.NEWEST, ROUTER, Optional.empty(), 3));

      assertThat(page).hasSize(3);
      assertThat(page).containsExactly(page.stream().map(r -> reviews().find(r.topicId()).orElseThrow())
          .toArray(Review[]::new));
      assertThat(reviews().list(query(ReviewOrder.NEWEST, "sku:unreviewed", Optional.empty(), 200))).isEmpty();
    }

    private List<String> pageThrough(ReviewOrder order, int limit) {
      return StoreContract.pageThrough(limit, after -> reviews().list(query(order, ROUTER, after, limit)),
          last -> new ListingCursor(order.rankOf(last), last.topicId().value())).stream()
          .map(review -> names.get(review.topicId()))
          .toList();
    }

    private ReviewQuery query(ReviewOrder order, String productId, Optional<ListingCursor> after, int limit) {
      return new ReviewQuery(requireNonNull(space).id(), productId, order, after, limit);
    }

    private void insert(Space in, String productId, String name, long created, double wilson) {
      Review review = newReview(in, newMember(), productId, 3, at(created));
      reviews().updateWilson(review.topicId(), wilson);
      names.put(review.topicId(), name);
    }
  }

  @Nested
  @DisplayName("ratings")
  class Ratings {
    @Test
    @DisplayName("addRating counts reviews, stars and the distribution per product and per space, each apart")
    void addRating_countsProductAndSpace() {
      Space space = newReviewsSpace();
      Space other = newReviewsSpace();

      reviews().addRating(space.id(), ROUTER, 5, 1);
      reviews().addRating(space.id(), ROUTER, 4, 1);
      reviews().addRating(space.id(), ROUTER, 4, 1);
      reviews().addRating(space.id(), SWITCH, 2, 1);
      reviews().addRating(other.id(), ROUTER, 1, 1);

      assertThat(reviews().rating(space.id(), ROUTER)).isEqualTo(counts(0, 0, 0, 2, 1));
      assertThat(reviews().rating(space.id(), SWITCH)).isEqualTo(counts(0, 1, 0, 0, 0));
      assertThat(reviews().spaceRating(space.id())).isEqualTo(counts(0, 1, 0, 2, 1));
      assertThat(reviews().rating(other.id(), ROUTER)).isEqualTo(counts(1, 0, 0, 0, 0));
      assertThat(reviews().spaceRating(other.id())).isEqualTo(counts(1, 0, 0, 0, 0));
      assertThat(reviews().rating(other.id(), SWITCH)).isEqualTo(RatingCounts.NONE);
    }

    @Test
    @DisplayName("a delta of -1 takes a review out of the product and the space, down to no reviews at all")
    void addRating_negativeDelta_takesReviewOut() {
      Space space = newReviewsSpace();
      reviews().addRating(space.id(), ROUTER, 5, 1);
      reviews().addRating(space.id(), ROUTER, 4, 1);
      reviews().addRating(space.id(), ROUTER, 4, 1);
      reviews().addRating(space.id(), SWITCH, 2, 1);

      reviews().addRating(space.id(), ROUTER, 4, -1);
      reviews().addRating(space.id(), SWITCH, 2, -1);

      assertThat(reviews().rating(space.id(), ROUTER)).isEqualTo(counts(0, 0, 0, 1, 1));
      assertThat(reviews().rating(space.id(), SWITCH)).isEqualTo(RatingCounts.NONE);
      assertThat(reviews().spaceRating(space.id())).isEqualTo(counts(0, 0, 0, 1, 1));

      reviews().addRating(space.id(), ROUTER, 4, -1);
      reviews().addRating(space.id(), ROUTER, 5, -1);

      assertThat(reviews().rating(space.id(), ROUTER)).isEqualTo(RatingCounts.NONE);
      assertThat(reviews().spaceRating(space.id())).isEqualTo(RatingCounts.NONE);
    }

    @Test
    @DisplayName("a product or space without reviews has no counts")
    void rating_noReviews_isNone() {
      Space space = newReviewsSpace();
      reviews().addRating(space.id(), ROUTER, 3, 1);

      assertThat(reviews().rating(space.id(), "sku:unreviewed")).isEqualTo(RatingCounts.NONE);
      assertThat(reviews().spaceRating(newReviewsSpace().id())).isEqualTo(RatingCounts.NONE);
    }

    @Test
    @DisplayName("taking out a review that was never counted is refused and changes nothing")
    void addRating_belowZero_isRefused() {
      Space space = newReviewsSpace();
      reviews().addRating(space.id(), ROUTER, 5, 1);
      reviews().addRating(space.id(), ROUTER, 4, 1);

      // Count and star sum would stay positive: only the 3-star slot would go below zero.
      assertThatThrownBy(() -> reviews().addRating(space.id(), ROUTER, 3, -1)).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> reviews().addRating(space.id(), SWITCH, 2, -1)).isInstanceOf(StorageException.class);

      assertThat(reviews().rating(space.id(), ROUTER)).isEqualTo(counts(0, 0, 0, 1, 1));
      assertThat(reviews().rating(space.id(), SWITCH)).isEqualTo(RatingCounts.NONE);
      assertThat(reviews().spaceRating(space.id())).isEqualTo(counts(0, 0, 0, 1, 1));
    }
  }

  @Nested
  @DisplayName("review transactions")
  class Transactions {
    @Test
    @DisplayName("a transaction that throws leaves no review, edit, reply, deletion or rating behind")
    void failedTransaction_leavesNothing() {
      Space space = newReviewsSpace();
      Member author = newMember();
      Review review = newReview(space, author, ROUTER, 4, at(0));
      Review doomed = newReview(space, newMember(), ROUTER, 2, at(1));
      reviews().addRating(space.id(), ROUTER, 4, 1);
      reviews().addRating(space.id(), ROUTER, 2, 1);
      Topic fresh = store().topics().insert(reviewTopic(space, author.id(), SWITCH, at(2)));
      Post freshOpening = store().posts().insert(openingPost(fresh, at(2)));
      Post reply = newPost(store().topics().find(review.topicId()).orElseThrow(), newMember(), PostStatus.PUBLISHED);
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        reviews().insert(review(fresh, freshOpening, 5, at(2)));
        reviews().addRating(space.id(), SWITCH, 5, 1);
        reviews().updateStars(review.topicId(), 1);
        reviews().addRating(space.id(), ROUTER, 4, -1);
        reviews().addRating(space.id(), ROUTER, 1, 1);
        reviews().updateWilson(review.topicId(), 0.75);
        reviews().setOfficialReply(review.topicId(), reply.id());
        reviews().delete(doomed.topicId());
        reviews().addRating(space.id(), ROUTER, 2, -1);
        throw boom;
      })).isSameAs(boom);

      assertThat(reviews().find(fresh.id())).isEmpty();
      assertThat(reviews().findByAuthor(author.id(), SWITCH)).isEmpty();
      assertThat(reviews().find(review.topicId())).contains(review);
      assertThat(reviews().find(doomed.topicId())).contains(doomed);
      assertThat(reviews().rating(space.id(), ROUTER)).isEqualTo(counts(0, 1, 0, 1, 0));
      assertThat(reviews().rating(space.id(), SWITCH)).isEqualTo(RatingCounts.NONE);
      assertThat(reviews().spaceRating(space.id())).isEqualTo(counts(0, 1, 0, 1, 0));
    }
  }

  @Nested
  @DisplayName("review concurrency")
  class Concurrency {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads adding the first 10 ratings each of one product lose none: exact counts for the product "
        + "and the space")
    void concurrentFirstRatings_loseNothing() throws Exception {
      int ratingsPerThread = 10;
      Space space = newReviewsSpace();

      Queue<Throwable> failures = runConcurrently(thread -> {
        for (int i = 0; i < ratingsPerThread; i++) {
          int stars = (thread + i) % 5 + 1;
          // The first ratings race to create the counter rows: a store may report that as a duplicate key.
          withRetry(() -> tx().inTransaction(() -> {
            reviews().addRating(space.id(), ROUTER, stars, 1);
            return null;
          }), e -> e instanceof TransientStorageException || e instanceof DuplicateKeyException);
        }
      });

      assertThat(failures).isEmpty();
      // Each thread's ten ratings cover every star count twice.
      long each = (long) THREADS * ratingsPerThread / 5;
      RatingCounts expected = counts(each, each, each, each, each);
      assertThat(reviews().rating(space.id(), ROUTER)).isEqualTo(expected);
      assertThat(reviews().spaceRating(space.id())).isEqualTo(expected);
    }
  }

  private ReviewStore reviews() {
    return store().reviews();
  }

  private Space newReviewsSpace() {
    return newSpace(SpaceKind.REVIEWS);
  }

  /** @return a review by the author, on a new topic of the space with its opening post, created at the instant */
  private Review newReview(Space space, Member author, String productId, int stars, Instant createdAt) {
    Topic topic = store().topics().insert(reviewTopic(space, author.id(), productId, createdAt));
    Post opening = store().posts().insert(openingPost(topic, createdAt));
    return reviews().insert(review(topic, opening, stars, createdAt));
  }

  /** @return the counters of reviews with 1 to 5 stars in those numbers */
  private static RatingCounts counts(long ones, long twos, long threes, long fours, long fives) {
    long count = ones + twos + threes + fours + fives;
    long starSum = ones + 2 * twos + 3 * threes + 4 * fours + 5 * fives;
    return new RatingCounts(count, starSum, List.of(ones, twos, threes, fours, fives));
  }
}
