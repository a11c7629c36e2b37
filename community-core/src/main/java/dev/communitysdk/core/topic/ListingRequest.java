package dev.communitysdk.core.topic;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.SpaceId;

/**
 * A page of a space's topics to read. Start from {@link #of(SpaceId, ListingOrder)} (20 per page) and add a tag, a
 * cursor from the previous page, or another page size.
 *
 * @param spaceId the space
 * @param order the order
 * @param tag only topics with this tag, when present
 * @param cursor the previous page's {@link dev.communitysdk.core.Page#next()}, when reading on
 * @param limit the page size, 1 to 100
 * @param questionState all topics, or only unanswered or only solved questions
 */
public record ListingRequest(
    SpaceId spaceId, ListingOrder order, Optional<String> tag, Optional<String> cursor, int limit,
    QuestionState questionState) {
  /** The page size when none is given. */
  public static final int DEFAULT_LIMIT = 20;
  /** The largest page size. */
  public static final int MAX_LIMIT = 100;

  /** Checks that no field is null. */
  public ListingRequest {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(order, "order");
    requireNonNull(tag, "tag");
    requireNonNull(cursor, "cursor");
    requireNonNull(questionState, "questionState");
  }

  /** @return the first page of the space's topics in the order, 20 per page */
  public static ListingRequest of(SpaceId spaceId, ListingOrder order) {
    return new ListingRequest(spaceId, order, Optional.empty(), Optional.empty(), DEFAULT_LIMIT, QuestionState.ANY);
  }

  /** @return this request limited to topics with the tag */
  public ListingRequest tagged(String newTag) {
    return new ListingRequest(spaceId, order, Optional.of(newTag), cursor, limit, questionState);
  }

  /** @return this request for the page after the one that returned the cursor */
  public ListingRequest after(String newCursor) {
    return new ListingRequest(spaceId, order, tag, Optional.of(newCursor), limit, questionState);
  }

  /** @return this request with another page size */
  public ListingRequest limit(int newLimit) {
    return new ListingRequest(spaceId, order, tag, cursor, newLimit, questionState);
  }

  /** @return this request limited to questions with no accepted answer and no answer scoring at least 0 */
  public ListingRequest unanswered() {
    return new ListingRequest(spaceId, order, tag, cursor, limit, QuestionState.UNANSWERED);
  }

  /** @return this request limited to questions with an accepted answer */
  public ListingRequest solved() {
    return new ListingRequest(spaceId, order, tag, cursor, limit, QuestionState.SOLVED);
  }
}
