package dev.communitysdk.spi.model;

/** Why a member's reputation changed. Each reason has a configurable amount in the community's rules. */
public enum ReputationReason {
  /** The member's post was voted up. */
  POST_UPVOTED,
  /** The member's post was voted down. */
  POST_DOWNVOTED,
  /** The member voted an answer down, which costs the voter a little. */
  DOWNVOTE_CAST,
  /** The member's answer was accepted. */
  ANSWER_ACCEPTED,
  /** The member accepted another member's answer to their question. */
  ACCEPTED_AN_ANSWER,
  /** The member's idea was voted up. */
  IDEA_UPVOTED,
  /** The member's review was marked helpful. */
  REVIEW_HELPFUL,
  /** The member's post was removed as spam. */
  SPAM_REMOVED,
  /** A correction written by maintenance, such as a recompute that found drift. */
  ADJUSTMENT
}
