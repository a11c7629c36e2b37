package dev.communitysdk.spi.model;

/** Whether a post is shown. */
public enum PostStatus {
  /** Visible to every reader of its space. */
  PUBLISHED,
  /** Waiting for a moderator's approval; visible to its author and moderators. */
  PENDING,
  /** Hidden by flags or a moderator; visible to moderators only. */
  HIDDEN,
  /** Soft-deleted; its row stays for history and counters. */
  DELETED;
}
