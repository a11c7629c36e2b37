package dev.communitysdk.spi.model;

/** Whether new posts in a space wait for a moderator before others see them. */
public enum ModerationMode {
  /** Posts appear at once; flags can still hide them. */
  AUTO,
  /** A new member's first posts wait for approval. */
  NEW_MEMBERS,
  /** Every post waits for approval. */
  ALL;
}
