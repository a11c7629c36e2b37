package dev.communitysdk.spi.model;

/** Why a member flagged a post for the moderators. */
public enum FlagReason {
  /** Advertising or other unsolicited content. */
  SPAM,
  /** Rude, abusive or otherwise offensive. */
  OFFENSIVE,
  /** Does not belong in its topic or space. */
  OFF_TOPIC,
  /** Something else, which the flag's note explains. */
  OTHER
}
