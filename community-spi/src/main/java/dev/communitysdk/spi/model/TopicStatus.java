package dev.communitysdk.spi.model;

/** The lifecycle of a topic. */
public enum TopicStatus {
  /** Accepts replies and votes. */
  OPEN,
  /** No new replies; can be reopened by the author or a moderator. */
  CLOSED,
  /** Frozen by a moderator: no replies, votes or edits. */
  LOCKED,
  /** Waiting, unlisted, for a moderator to approve its opening post under pre-moderation. */
  PENDING,
  /** Removed by its author (a review taken back): unlisted and unreadable, kept for the record. */
  DELETED;
}
