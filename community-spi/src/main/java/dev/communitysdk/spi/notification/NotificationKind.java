package dev.communitysdk.spi.notification;

/** Why a member is being notified. */
public enum NotificationKind {
  /** Someone replied in a topic the member follows. */
  REPLY,
  /** Someone mentioned the member with {@code @name}. */
  MENTION,
  /** The member's answer was accepted. */
  ANSWER_ACCEPTED,
  /** An idea the member follows or voted on changed status. */
  IDEA_STATUS_CHANGED,
  /** The member earned a badge. */
  BADGE_AWARDED
}
