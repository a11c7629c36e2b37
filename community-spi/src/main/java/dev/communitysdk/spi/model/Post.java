package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The opening post of a topic, or a reply in it.
 *
 * @param id the store's id
 * @param topicId the topic it belongs to
 * @param spaceId the topic's space, kept here for indexes and access checks
 * @param authorId the real author, even when anonymous
 * @param anonymous whether it was posted anonymously
 * @param opening whether it is the topic's opening post
 * @param content the body: source, safe HTML, render version, sentiment
 * @param status published, pending, hidden or deleted
 * @param score up votes minus down votes
 * @param upVotes the number of up votes
 * @param downVotes the number of down votes
 * @param createdAt when it was posted
 * @param updatedAt when it was last edited or changed status
 * @param version the optimistic-locking version, bumped by every edit
 * @param wilson the Wilson lower bound of the post's up-vote share (z = 1.96), which ranks answers
 */
public record Post(
    PostId id, TopicId topicId, SpaceId spaceId, MemberId authorId, boolean anonymous, boolean opening,
    PostContent content, PostStatus status, long score, long upVotes, long downVotes, Instant createdAt,
    Instant updatedAt, long version, double wilson) {
  /** Checks the fields. */
  public Post {
    requireNonNull(id, "id");
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(authorId, "authorId");
    requireNonNull(content, "content");
    requireNonNull(status, "status");
    Checks.nonNegative(upVotes, "upVotes");
    Checks.nonNegative(downVotes, "downVotes");
    Checks.instant(createdAt, "createdAt");
    Checks.instant(updatedAt, "updatedAt");
    if (!(wilson >= 0 && wilson <= 1)) {
      throw new IllegalArgumentException("wilson must be in [0, 1], was " + wilson);
    }
  }

  /** A post without a Wilson rank (0: no votes). */
  public Post(
      PostId id, TopicId topicId, SpaceId spaceId, MemberId authorId, boolean anonymous, boolean opening,
      PostContent content, PostStatus status, long score, long upVotes, long downVotes, Instant createdAt,
      Instant updatedAt, long version) {
    this(id, topicId, spaceId, authorId, anonymous, opening, content, status, score, upVotes, downVotes, createdAt,
        updatedAt, version, 0);
  }
}
