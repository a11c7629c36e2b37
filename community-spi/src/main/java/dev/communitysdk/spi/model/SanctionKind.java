package dev.communitysdk.spi.model;

/** What a moderator's sanction keeps a member from doing while it is in force. */
public enum SanctionKind {
  /** May read, but no command succeeds: no posts, votes or flags. Always for a period. */
  SILENCE,
  /** May neither read nor act, for a period or until lifted. */
  SUSPEND,
  /** May neither read nor act, until lifted. */
  BAN
}
