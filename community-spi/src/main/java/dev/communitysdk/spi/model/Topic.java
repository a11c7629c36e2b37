package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A thread in a space. Its opening post carries the body; the topic carries the title, tags, status and counters.
 *
 * @param id the store's id
 * @param spaceId the space it lives in
 * @param kind the kind of its space at creation
 * @param title the title, 10 to 150 characters
 * @param tags up to 5 tags, {@code [a-z0-9-]}, in the order given
 * @param authorId the member who started it (the real author, even when anonymous)
 * @param anonymous whether it was started anonymously
 * @param status open, closed or locked
 * @param replyCount the number of visible replies (the opening post not counted)
 * @param score the opening post's score
 * @param hot the hot rank, derived from score and creation time
 * @param lastActivityAt when it was last started, replied to or edited
 * @param createdAt when it was started
 * @param version the optimistic-locking version, bumped by every edit or status change
 * @param acceptedAnswerId for questions: the accepted answer, if any (the question is then solved)
 * @param answerCount for questions: published replies from members other than the asker with a score of at least 0
 * @param productId the host catalog's product the topic is about, if any (reviews, product questions)
 */
public record Topic(
    TopicId id, SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId,
    boolean anonymous, TopicStatus status, long replyCount, long score, double hot, Instant lastActivityAt,
    Instant createdAt, long version, Optional<PostId> acceptedAnswerId, long answerCount,
    Optional<String> productId) {
  /** Checks the fields. */
  public Topic {
    requireNonNull(id, "id");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(kind, "kind");
    Checks.notBlank(title, "title");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(authorId, "authorId");
    requireNonNull(status, "status");
    Checks.nonNegative(replyCount, "replyCount");
    Checks.instant(lastActivityAt, "lastActivityAt");
    Checks.instant(createdAt, "createdAt");
    requireNonNull(acceptedAnswerId, "acceptedAnswerId");
    Checks.nonNegative(answerCount, "answerCount");
    requireNonNull(productId, "productId");
  }

  /** A topic about no product. */
  public Topic(
      TopicId id, SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId,
      boolean anonymous, TopicStatus status, long replyCount, long score, double hot, Instant lastActivityAt,
      Instant createdAt, long version, Optional<PostId> acceptedAnswerId, long answerCount) {
    this(id, spaceId, kind, title, tags, authorId, anonymous, status, replyCount, score, hot, lastActivityAt,
        createdAt, version, acceptedAnswerId, answerCount, Optional.empty());
  }

  /** A topic without question state: no accepted answer, no counted answers. */
  public Topic(
      TopicId id, SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId,
      boolean anonymous, TopicStatus status, long replyCount, long score, double hot, Instant lastActivityAt,
      Instant createdAt, long version) {
    this(id, spaceId, kind, title, tags, authorId, anonymous, status, replyCount, score, hot, lastActivityAt,
        createdAt, version, Optional.empty(), 0, Optional.empty());
  }

  /** @return whether the topic is a question with an accepted answer */
  public boolean solved() {
    return acceptedAnswerId.isPresent();
  }
}
