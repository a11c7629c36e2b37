package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A post to insert: score 0, version 1.
 *
 * @param topicId the topic it belongs to
 * @param spaceId the topic's space
 * @param authorId the real author
 * @param anonymous whether it is posted anonymously
 * @param opening whether it is the topic's opening post
 * @param content the rendered, scored body
 * @param status {@link PostStatus#PUBLISHED}, or {@link PostStatus#PENDING} under pre-moderation
 * @param createdAt when it is posted
 */
public record NewPost(
    TopicId topicId, SpaceId spaceId, MemberId authorId, boolean anonymous, boolean opening, PostContent content,
    PostStatus status, Instant createdAt) {
  /** Checks the fields. */
  public NewPost {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(authorId, "authorId");
    requireNonNull(content, "content");
    requireNonNull(status, "status");
    Checks.instant(createdAt, "createdAt");
  }
}
