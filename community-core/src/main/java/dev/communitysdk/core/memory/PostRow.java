package dev.communitysdk.core.memory;

import java.time.Instant;

import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostStatus;

/**
 * A changed copy of a {@link Post} in the making. Every update names only what it changes, so that a component added
 * to the record later is carried over by {@link #of} instead of being silently reset by a long constructor call.
 */
final class PostRow {
  private final Post base;
  private PostContent content;
  private PostStatus status;
  private long upVotes;
  private long downVotes;
  private Instant updatedAt;
  private long version;
  private double wilson;

  private PostRow(Post base) {
    this.base = base;
    this.content = base.content();
    this.status = base.status();
    this.upVotes = base.upVotes();
    this.downVotes = base.downVotes();
    this.updatedAt = base.updatedAt();
    this.version = base.version();
    this.wilson = base.wilson();
  }

  static PostRow of(Post post) {
    return new PostRow(post);
  }

  /** An edit: new content, a new update time and the next optimistic-locking version. */
  PostRow edited(PostContent value, Instant at) {
    content = value;
    updatedAt = at;
    version = base.version() + 1;
    return this;
  }

  /** A status change counts as an edit: it moves the update time and the version. */
  PostRow status(PostStatus value, Instant at) {
    status = value;
    updatedAt = at;
    version = base.version() + 1;
    return this;
  }

  /** A new rendering of the same source: not an edit, so neither the update time nor the version moves. */
  PostRow rendered(String html, int renderVersion) {
    content = new PostContent(content.source(), html, renderVersion, content.sentiment());
    return this;
  }

  /** Moves the vote counters; the score follows from them. */
  PostRow votes(long upDelta, long downDelta) {
    upVotes += upDelta;
    downVotes += downDelta;
    return this;
  }

  PostRow wilson(double value) {
    wilson = value;
    return this;
  }

  Post build() {
    // The score moves with the counters by the same deltas, so that a score that started elsewhere stays consistent.
    long score = base.score() + (upVotes - base.upVotes()) - (downVotes - base.downVotes());
    return new Post(base.id(), base.topicId(), base.spaceId(), base.authorId(), base.anonymous(), base.opening(),
        content, status, score, upVotes, downVotes, base.createdAt(), updatedAt, version, wilson);
  }
}
