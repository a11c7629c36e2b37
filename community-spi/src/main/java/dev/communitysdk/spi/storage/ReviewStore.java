package dev.communitysdk.spi.storage;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewReview;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.RatingCounts;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.ReviewQuery;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;

/**
 * Stores reviews (at most one per author and product, enforced by a unique key) and the star counters of each product
 * and each space. Counters change only through atomic updates, so that concurrent reviews never lose one.
 * Thread-safe; every call joins the caller's transaction.
 */
public interface ReviewStore {
  /**
   * @param review the review to insert
   * @return the stored review
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the author already reviewed the product
   */
  Review insert(NewReview review);

  /** @return the review, if it exists */
  Optional<Review> find(TopicId topicId);

  /** @return the author's review of the product, if any */
  Optional<Review> findByAuthor(MemberId authorId, String productId);

  /**
   * @param stars 1 to 5; anything else is refused with an {@link IllegalArgumentException}
   * @return whether the review exists
   */
  boolean updateStars(TopicId topicId, int stars);

  /**
   * @param wilson the Wilson lower bound of the body's helpfulness votes, 0 to 1; anything else is refused with an
   *     {@link IllegalArgumentException}
   * @return whether the review exists
   */
  boolean updateWilson(TopicId topicId, double wilson);

  /**
   * Sets the official reply if none is set.
   *
   * @return whether it was set (false: missing review, or a reply already set)
   */
  boolean setOfficialReply(TopicId topicId, PostId replyId);

  /** @return whether a review was deleted */
  boolean delete(TopicId topicId);

  /** @return one page of a product's reviews in the query's order */
  List<Review> list(ReviewQuery query);

  /**
   * Adds {@code delta} (+1 or -1) reviews with {@code stars} stars to the product's counters and to the space's,
   * creating either row on first use. A counter that would go below zero is refused with a
   * {@link dev.communitysdk.spi.error.StorageException}.
   */
  void addRating(SpaceId spaceId, String productId, int stars, int delta);

  /** @return the product's counters in the space; {@link RatingCounts#NONE} when it has no reviews */
  RatingCounts rating(SpaceId spaceId, String productId);

  /** @return the counters of every product in the space together; {@link RatingCounts#NONE} when it has none */
  RatingCounts spaceRating(SpaceId spaceId);
}
