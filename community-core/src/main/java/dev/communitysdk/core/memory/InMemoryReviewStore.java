package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewReview;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.RatingCounts;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.ReviewQuery;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.ReviewStore;

/**
 * Reviews by topic id, with the unique index on (author, product) across every space, and the star counters in
 * {@link RatingCounters}. A product's listing scans every review of the store: fine for a reference.
 */
final class InMemoryReviewStore implements ReviewStore {
  private final InMemoryTransactor transactor;
  private final InMemoryTopicStore topics;
  private final InMemoryPostStore posts;
  private final InMemoryMemberStore members;
  private final Table<Long, Review> reviews;
  private final Table<AuthorProduct, Long> byAuthorProduct;
  private final RatingCounters ratings;

  InMemoryReviewStore(
      InMemoryTransactor transactor, InMemoryTopicStore topics, InMemoryPostStore posts,
      InMemoryMemberStore members) {
    this.transactor = transactor;
    this.topics = topics;
    this.posts = posts;
    this.members = members;
    this.reviews = new Table<>(transactor);
    this.byAuthorProduct = new Table<>(transactor);
    this.ratings = new RatingCounters(transactor);
  }

  @Override
  public Review insert(NewReview review) {
    requireNonNull(review, "review");
    AuthorProduct key = new AuthorProduct(review.authorId().value(), review.productId());
    return transactor.inTransaction(() -> {
      if (reviews.contains(review.topicId().value())) {
        throw new DuplicateKeyException("cm_review(topic_id)");
      }
      if (byAuthorProduct.contains(key)) {
        throw new DuplicateKeyException("cm_review(author_id, product_id)");
      }
      References.require(topics.exists(review.topicId()), "review", "topic", review.topicId());
      References.require(posts.exists(review.openingPostId()), "review", "post", review.openingPostId());
      References.require(members.exists(review.authorId()), "review", "member", review.authorId());
      Review stored = new Review(review.topicId(), review.spaceId(), review.productId(), review.authorId(),
          review.openingPostId(), review.stars(), review.verifiedOwner(), Optional.empty(), 0, review.createdAt());
      reviews.put(stored.topicId().value(), stored);
      byAuthorProduct.put(key, stored.topicId().value());
      return stored;
    });
  }

  @Override
  public Optional<Review> find(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> reviews.get(topicId.value()));
  }

  @Override
  public Optional<Review> findByAuthor(MemberId authorId, String productId) {
    requireNonNull(authorId, "authorId");
    requireNonNull(productId, "productId");
    return transactor.inTransaction(() -> byAuthorProduct.get(new AuthorProduct(authorId.value(), productId))
        .flatMap(reviews::get));
  }

  @Override
  public boolean updateStars(TopicId topicId, int stars) {
    // Checked before the lookup, so that bad stars fail the same way whether or not the review exists.
    checkStars(stars);
    return update(topicId, r -> true, r -> copy(r, stars, r.officialReplyId(), r.wilson()));
  }

  @Override
  public boolean updateWilson(TopicId topicId, double wilson) {
    if (!(wilson >= 0 && wilson <= 1)) {
      throw new IllegalArgumentException("wilson must be in [0, 1], was " + wilson);
    }
    return update(topicId, r -> true, r -> copy(r, r.stars(), r.officialReplyId(), wilson));
  }

  @Override
  public boolean setOfficialReply(TopicId topicId, PostId replyId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(replyId, "replyId");
    return transactor.inTransaction(() -> {
      Predicate<Review> withoutReply = r -> r.officialReplyId().isEmpty();
      if (reviews.get(topicId.value()).filter(withoutReply).isEmpty()) {
        // An UPDATE that matches no row checks no foreign key either.
        return false;
      }
      References.require(posts.exists(replyId), "review", "post", replyId);
      return update(topicId, withoutReply, r -> copy(r, r.stars(), Optional.of(replyId), r.wilson()));
    });
  }

  @Override
  public boolean delete(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> reviews.get(topicId.value())
        .map(r -> {
          reviews.remove(topicId.value());
          byAuthorProduct.remove(new AuthorProduct(r.authorId().value(), r.productId()));
          return true;
        })
        .orElse(false));
  }

  @Override
  public List<Review> list(ReviewQuery query) {
    requireNonNull(query, "query");
    Keyset<Review> listing = new Keyset<>(query.order()::rankOf, r -> r.topicId().value());
    return transactor.inTransaction(() -> listing.page(reviews.rows().stream()
        .filter(r -> r.spaceId().equals(query.spaceId()) && r.productId().equals(query.productId())),
        query.after(), query.limit()));
  }

  @Override
  public void addRating(SpaceId spaceId, String productId, int stars, int delta) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(productId, "productId");
    checkStars(stars);
    transactor.run(() -> ratings.add(spaceId, productId, stars, delta));
  }

  @Override
  public RatingCounts rating(SpaceId spaceId, String productId) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(productId, "productId");
    return transactor.inTransaction(() -> ratings.product(spaceId, productId));
  }

  @Override
  public RatingCounts spaceRating(SpaceId spaceId) {
    requireNonNull(spaceId, "spaceId");
    return transactor.inTransaction(() -> ratings.space(spaceId));
  }

  private boolean update(TopicId topicId, Predicate<Review> condition, UnaryOperator<Review> change) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> reviews.update(topicId.value(), condition, change));
  }

  private static void checkStars(int stars) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("stars must be 1 to 5, was " + stars);
    }
  }

  /** The one place a review row is rebuilt, so that no update can forget a component. */
  private static Review copy(Review review, int stars, Optional<PostId> officialReplyId, double wilson) {
    return new Review(review.topicId(), review.spaceId(), review.productId(), review.authorId(),
        review.openingPostId(), stars, review.verifiedOwner(), officialReplyId, wilson, review.createdAt());
  }

  /** The unique key of a review: its author, then the product, across every space. */
  private record AuthorProduct(long authorId, String productId) implements Comparable<AuthorProduct> {
    @Override
    public int compareTo(AuthorProduct other) {
      int byAuthor = Long.compare(authorId, other.authorId);
      return byAuthor != 0 ? byAuthor : productId.compareTo(other.productId);
    }
  }
}
