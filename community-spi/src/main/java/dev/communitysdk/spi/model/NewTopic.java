package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A topic to insert: open, with no replies, score 0, version 1, and last activity at creation.
 *
 * @param spaceId the space it lives in
 * @param kind the kind of its space
 * @param title the validated title
 * @param tags the validated tags
 * @param authorId the real author
 * @param anonymous whether it is started anonymously
 * @param hot the initial hot rank
 * @param createdAt when it is started
 * @param productId the product it is about, if any
 */
public record NewTopic(
    SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId, boolean anonymous,
    double hot, Instant createdAt, Optional<String> productId) {
  /** Checks the fields. */
  public NewTopic {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(kind, "kind");
    Checks.notBlank(title, "title");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(authorId, "authorId");
    Checks.instant(createdAt, "createdAt");
    requireNonNull(productId, "productId");
  }

  /** A topic about no product. */
  public NewTopic(
      SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId, boolean anonymous,
      double hot, Instant createdAt) {
    this(spaceId, kind, title, tags, authorId, anonymous, hot, createdAt, Optional.empty());
  }
}
