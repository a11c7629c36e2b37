package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A post as it was before an edit: kept so that every change can be shown and diffed.
 *
 * @param postId the edited post
 * @param version the post's version this revision preserves
 * @param editorId who made the edit that replaced this revision
 * @param title the topic title at that version, for opening posts
 * @param source the Markdown source at that version
 * @param editedAt when the edit happened
 * @param stars the review's stars at that version, for the opening posts of reviews
 */
public record Revision(
    PostId postId, long version, MemberId editorId, Optional<String> title, String source, Instant editedAt,
    Optional<Integer> stars) {
  /** Checks the fields. */
  public Revision {
    requireNonNull(postId, "postId");
    requireNonNull(editorId, "editorId");
    requireNonNull(title, "title");
    requireNonNull(source, "source");
    Checks.instant(editedAt, "editedAt");
    requireNonNull(stars, "stars");
  }

  /** A revision of a post that is not a review. */
  public Revision(
      PostId postId, long version, MemberId editorId, Optional<String> title, String source, Instant editedAt) {
    this(postId, version, editorId, title, source, editedAt, Optional.empty());
  }
}
