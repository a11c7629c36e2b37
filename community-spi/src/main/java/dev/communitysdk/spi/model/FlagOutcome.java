package dev.communitysdk.spi.model;

/** What became of a flag. Decided flags count towards their flagger's accuracy. */
public enum FlagOutcome {
  /** Waiting for a moderator; its weight counts towards hiding the post. */
  OPEN,
  /** A moderator agreed: the post was rejected, deleted or removed as spam. */
  AGREED,
  /** A moderator disagreed: the post was approved or its flags dismissed. */
  DISAGREED
}
