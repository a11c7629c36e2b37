package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

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
 */
public record NewTopic(
    SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId, boolean anonymous,
    double hot, Instant createdAt) {
  /** Checks the fields. */
  public NewTopic {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(kind, "kind");
    Checks.notBlank(title, "title");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(authorId, "authorId");
    Checks.instant(createdAt, "createdAt");
  }
}
