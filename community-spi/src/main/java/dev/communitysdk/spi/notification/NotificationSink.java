package dev.communitysdk.spi.notification;

/**
 * Delivers notifications to the host's e-mail or push system. Called from the outbox relay, after commit, at least
 * once: dedupe by {@link Notification#idempotencyKey()} and {@link Digest#idempotencyKey()}. A sink that throws gets
 * the notification or digest again later. Implementations are thread-safe.
 */
@FunctionalInterface
public interface NotificationSink {
  /** @param notification what to deliver */
  void deliver(Notification notification);

  /**
   * Delivers the notifications kept for a member who reads digests, when the host asks for digests. The default
   * delivers each item on its own through {@link #deliver}; override it to send one message per digest.
   *
   * @param digest what to deliver
   */
  default void deliverDigest(Digest digest) {
    digest.items().forEach(this::deliver);
  }

  /** @return a sink that drops every notification, for hosts that do not notify */
  static NotificationSink noop() {
    return notification -> { };
  }
}
