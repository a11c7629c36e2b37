package dev.communitysdk.spi.model;

/** How a member wants their notifications delivered. */
public enum NotificationDelivery {
  /** Each notification goes to the host's sink as soon as the relay sees its cause. The default. */
  IMMEDIATE,
  /** Notifications are kept, and sent together as one digest when the host asks for digests. */
  DIGEST
}
