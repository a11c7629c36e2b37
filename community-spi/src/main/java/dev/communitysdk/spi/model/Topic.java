package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

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
 */
public record Topic(
    TopicId id, SpaceId spaceId, SpaceKind kind, String title, List<String> tags, MemberId authorId,
    boolean anonymous, TopicStatus status, long replyCount, long score, double hot, Instant lastActivityAt,
    Instant createdAt, long version) {
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
  }
}
