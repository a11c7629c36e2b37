package dev.communitysdk.core.reputation;

/** What reputation unlocks. The thresholds live in {@link PrivilegeRules}. */
public enum Privilege {
  /** Vote posts up. */
  UPVOTE,
  /** Flag posts for moderators. */
  FLAG,
  /** Vote posts down. */
  DOWNVOTE,
  /** Post more than two links in one post. */
  POST_LINKS,
  /** Edit other members' posts and topics. */
  EDIT_OTHERS,
  /** Close and reopen other members' topics. */
  CLOSE_OTHERS
}
