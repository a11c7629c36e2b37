package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_PRODUCT_RATING;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_REVIEW;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SPACE_RATING;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmReviewRecord;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewReview;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.RatingCounts;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.ReviewOrder;
import dev.communitysdk.spi.model.ReviewQuery;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.ReviewStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Reviews in {@code cm_review}; star counters per product in {@code cm_product_rating} and per space in
 * {@code cm_space_rating}. The unique key (author_id, product_id) makes a second review of a product a duplicate;
 * listings are keyset scans of the (space_id, product_id, rank, topic_id) indexes.
 *
 * <p>Counter rows are added to through {@link Rollups}, the product's row before the space's in every transaction, so
 * that two reviews never take each other's row locks crosswise. A CHECK constraint keeps every counter at zero or
 * above: taking away a review that was never added fails.
 */
final class JooqReviewStore implements ReviewStore {
  private static final Rating PRODUCT = new Rating(CM_PRODUCT_RATING, CM_PRODUCT_RATING.REVIEW_COUNT,
      CM_PRODUCT_RATING.STAR_SUM, List.of(CM_PRODUCT_RATING.STARS_1, CM_PRODUCT_RATING.STARS_2,
      CM_PRODUCT_RATING.STARS_3, CM_PRODUCT_RATING.STARS_4, CM_PRODUCT_RATING.STARS_5));
  private static final Rating SPACE = new Rating(CM_SPACE_RATING, CM_SPACE_RATING.REVIEW_COUNT,
      CM_SPACE_RATING.STAR_SUM, List.of(CM_SPACE_RATING.STARS_1, CM_SPACE_RATING.STARS_2, CM_SPACE_RATING.STARS_3,
      CM_SPACE_RATING.STARS_4, CM_SPACE_RATING.STARS_5));

  private final JooqTransactor tx;

  JooqReviewStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Review insert(NewReview review) {
    requireNonNull(review, "review");
    Instant createdAt = Times.truncate(review.createdAt());
    tx.call("insert review cm_review(author_id, product_id)", dsl -> dsl.insertInto(CM_REVIEW)
        .set(CM_REVIEW.TOPIC_ID, review.topicId().value())
        .set(CM_REVIEW.SPACE_ID, review.spaceId().value())
        .set(CM_REVIEW.PRODUCT_ID, review.productId())
        .set(CM_REVIEW.AUTHOR_ID, review.authorId().value())
        .set(CM_REVIEW.OPENING_POST_ID, review.openingPostId().value())
        .set(CM_REVIEW.STARS, (short) review.stars())
        .set(CM_REVIEW.VERIFIED_OWNER, review.verifiedOwner())
        .set(CM_REVIEW.OFFICIAL_REPLY_ID, (Long) null)
        .set(CM_REVIEW.WILSON, 0.0)
        .set(CM_REVIEW.CREATED_AT, createdAt)
        .execute());
    return new Review(review.topicId(), review.spaceId(), review.productId(), review.authorId(),
        review.openingPostId(), review.stars(), review.verifiedOwner(), Optional.empty(), 0.0, createdAt);
  }

  @Override
  public Optional<Review> find(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("find review", dsl -> dsl.selectFrom(CM_REVIEW)
        .where(CM_REVIEW.TOPIC_ID.eq(topicId.value()))
        .fetchOptional(JooqReviewStore::toReview));
  }

  @Override
  public Optional<Review> findByAuthor(MemberId authorId, String productId) {
    requireNonNull(authorId, "authorId");
    requireNonNull(productId, "productId");
    return tx.call("find review by author", dsl -> dsl.selectFrom(CM_REVIEW)
        .where(CM_REVIEW.AUTHOR_ID.eq(authorId.value()))
        .and(CM_REVIEW.PRODUCT_ID.eq(productId))
        .fetchOptional(JooqReviewStore::toReview));
  }

  @Override
  public boolean updateStars(TopicId topicId, int stars) {
    requireNonNull(topicId, "topicId");
    checkStars(stars);
    return tx.call("update review stars", dsl -> dsl.update(CM_REVIEW)
        .set(CM_REVIEW.STARS, (short) stars)
        .where(CM_REVIEW.TOPIC_ID.eq(topicId.value()))
        .execute()) == 1;
  }

  @Override
  public boolean updateWilson(TopicId topicId, double wilson) {
    requireNonNull(topicId, "topicId");
    // A lower bound of a proportion; NaN fails the test too, and would break the listing's order.
    if (!(wilson >= 0 && wilson <= 1)) {
      throw new IllegalArgumentException("wilson must be in [0, 1], was " + wilson);
    }
    return tx.call("update review wilson rank", dsl -> dsl.update(CM_REVIEW)
        .set(CM_REVIEW.WILSON, wilson)
        .where(CM_REVIEW.TOPIC_ID.eq(topicId.value()))
        .execute()) == 1;
  }

  /** Conditional on the column still being empty, so that of two concurrent replies exactly one is set. */
  @Override
  public boolean setOfficialReply(TopicId topicId, PostId replyId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(replyId, "replyId");
    return tx.call("set review official reply", dsl -> dsl.update(CM_REVIEW)
        .set(CM_REVIEW.OFFICIAL_REPLY_ID, replyId.value())
        .where(CM_REVIEW.TOPIC_ID.eq(topicId.value()))
        .and(CM_REVIEW.OFFICIAL_REPLY_ID.isNull())
        .execute()) == 1;
  }

  @Override
  public boolean delete(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return tx.call("delete review", dsl -> dsl.deleteFrom(CM_REVIEW)
        .where(CM_REVIEW.TOPIC_ID.eq(topicId.value()))
        .execute()) == 1;
  }

  @Override
  public List<Review> list(ReviewQuery query) {
    requireNonNull(query, "query");
    Condition where = CM_REVIEW.SPACE_ID.eq(query.spaceId().value())
        .and(CM_REVIEW.PRODUCT_ID.eq(query.productId()));
    if (query.after().isPresent()) {
      where = where.and(after(query.order(), query.after().get()));
    }
    Condition condition = where;
    Field<?> rank = rankColumn(query.order());
    return tx.call("list reviews", dsl -> dsl.selectFrom(CM_REVIEW)
        .where(condition)
        .orderBy(rank.desc(), CM_REVIEW.TOPIC_ID.desc())
        .limit(query.limit())
        .fetch(JooqReviewStore::toReview));
  }

  @Override
  public void addRating(SpaceId spaceId, String productId, int stars, int delta) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(productId, "productId");
    checkStars(stars);
    Map<Field<?>, Object> productKey = new LinkedHashMap<>();
    productKey.put(CM_PRODUCT_RATING.SPACE_ID, spaceId.value());
    productKey.put(CM_PRODUCT_RATING.PRODUCT_ID, productId);
    Map<Field<?>, Object> spaceKey = Map.of(CM_SPACE_RATING.SPACE_ID, spaceId.value());
    tx.inTransaction(() -> {
      tx.call("insert product rating cm_product_rating(space_id, product_id)",
          dsl -> PRODUCT.add(dsl, productKey, stars, delta));
      return tx.call("insert space rating cm_space_rating(space_id)",
          dsl -> SPACE.add(dsl, spaceKey, stars, delta));
    });
  }

  @Override
  public RatingCounts rating(SpaceId spaceId, String productId) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(productId, "productId");
    return tx.call("read product rating", dsl -> PRODUCT.read(dsl,
        CM_PRODUCT_RATING.SPACE_ID.eq(spaceId.value()).and(CM_PRODUCT_RATING.PRODUCT_ID.eq(productId))));
  }

  @Override
  public RatingCounts spaceRating(SpaceId spaceId) {
    requireNonNull(spaceId, "spaceId");
    return tx.call("read space rating", dsl -> SPACE.read(dsl, CM_SPACE_RATING.SPACE_ID.eq(spaceId.value())));
  }

  private static Field<?> rankColumn(ReviewOrder order) {
    return switch (order) {
      case MOST_HELPFUL -> CM_REVIEW.WILSON;
      case NEWEST -> CM_REVIEW.CREATED_AT;
    };
  }

  private static Condition after(ReviewOrder order, ListingCursor cursor) {
    return switch (order) {
      case MOST_HELPFUL -> Keyset.afterValue(CM_REVIEW.WILSON, CM_REVIEW.TOPIC_ID, cursor);
      case NEWEST -> Keyset.afterTime(CM_REVIEW.CREATED_AT, CM_REVIEW.TOPIC_ID, cursor);
    };
  }

  private static void checkStars(int stars) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("stars must be 1 to 5, was " + stars);
    }
  }

  private static Review toReview(CmReviewRecord r) {
    return new Review(
        new TopicId(r.getTopicId()),
        new SpaceId(r.getSpaceId()),
        r.getProductId(),
        new MemberId(r.getAuthorId()),
        new PostId(r.getOpeningPostId()),
        r.getStars(),
        r.getVerifiedOwner(),
        Optional.ofNullable(r.getOfficialReplyId()).map(PostId::new),
        r.getWilson(),
        r.getCreatedAt());
  }

  /**
   * The counter columns of one rating table, which the product and the space tables share by name but not by type.
   *
   * @param stars the counters of reviews with 1 to 5 stars, in that order
   */
  private record Rating(
      Table<?> table, TableField<?, Long> count, TableField<?, Long> starSum, List<TableField<?, Long>> stars) {
    /** Adds {@code delta} reviews of {@code stars} stars to the row with that key, creating it on first use. */
    int add(DSLContext dsl, Map<Field<?>, Object> key, int stars, int delta) {
      Map<Field<Long>, Long> amounts = new LinkedHashMap<>();
      amounts.put(count, (long) delta);
      amounts.put(starSum, (long) delta * stars);
      for (int i = 0; i < 5; i++) {
        amounts.put(this.stars.get(i), i + 1 == stars ? (long) delta : 0L);
      }
      return Rollups.add(dsl, table, key, amounts);
    }

    /** @return the counters of the row the condition picks, or {@link RatingCounts#NONE} when there is none */
    RatingCounts read(DSLContext dsl, Condition row) {
      return dsl.select(count, starSum, stars.get(0), stars.get(1), stars.get(2), stars.get(3), stars.get(4))
          .from(table)
          .where(row)
          .fetchOptional(r -> new RatingCounts(r.value1(), r.value2(),
              List.of(r.value3(), r.value4(), r.value5(), r.value6(), r.value7())))
          .orElse(RatingCounts.NONE);
    }
  }
}
