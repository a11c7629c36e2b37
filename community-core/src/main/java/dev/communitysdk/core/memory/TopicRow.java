package dev.communitysdk.core.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * A changed copy of a {@link Topic} in the making. Every update names only what it changes, so that a component added
 * to the record later is carried over by {@link #of} instead of being silently reset by a long constructor call.
 */
final class TopicRow {
  private final Topic base;
  private String title;
  private List<String> tags;
  private TopicStatus status;
  private long replyCount;
  private long score;
  private double hot;
  private Instant lastActivityAt;
  private long version;
  private Optional<PostId> acceptedAnswerId;
  private long answerCount;

  private TopicRow(Topic base) {
    this.base = base;
    this.title = base.title();
    this.tags = base.tags();
    this.status = base.status();
    this.replyCount = base.replyCount();
    this.score = base.score();
    this.hot = base.hot();
    this.lastActivityAt = base.lastActivityAt();
    this.version = base.version();
    this.acceptedAnswerId = base.acceptedAnswerId();
    this.answerCount = base.answerCount();
  }

  static TopicRow of(Topic topic) {
    return new TopicRow(topic);
  }

  TopicRow title(String value) {
    title = value;
    return this;
  }

  TopicRow tags(List<String> value) {
    tags = value;
    return this;
  }

  TopicRow status(TopicStatus value) {
    status = value;
    return this;
  }

  TopicRow replyCount(long value) {
    replyCount = value;
    return this;
  }

  TopicRow score(long value) {
    score = value;
    return this;
  }

  TopicRow hot(double value) {
    hot = value;
    return this;
  }

  TopicRow lastActivityAt(Instant value) {
    lastActivityAt = value;
    return this;
  }

  /** An edit: the optimistic-locking version moves on. */
  TopicRow nextVersion() {
    version = base.version() + 1;
    return this;
  }

  TopicRow acceptedAnswerId(Optional<PostId> value) {
    acceptedAnswerId = value;
    return this;
  }

  TopicRow answerCount(long value) {
    answerCount = value;
    return this;
  }

  Topic build() {
    return new Topic(base.id(), base.spaceId(), base.kind(), title, tags, base.authorId(), base.anonymous(), status,
        replyCount, score, hot, lastActivityAt, base.createdAt(), version, acceptedAnswerId, answerCount,
        base.productId());
  }
}
