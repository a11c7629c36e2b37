package dev.communitysdk.spi.model;

/**
 * How closely a member follows a topic, a space or a tag, as in Discourse. A setting on a topic overrides those on its
 * space and tags.
 */
public enum WatchLevel {
  /** Told of every new reply, and of mentions. */
  WATCHING,
  /** Told only of what concerns the member: mentions, and replies to the member's own posts where that is known. */
  TRACKING,
  /** Told of nothing, mentions included. */
  MUTED
}
