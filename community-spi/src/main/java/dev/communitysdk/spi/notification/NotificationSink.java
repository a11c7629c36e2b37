package dev.communitysdk.spi.notification;

/**
 * Delivers notifications to the host's e-mail or push system. Called from the outbox relay, after commit, at least
 * once: dedupe by {@link Notification#idempotencyKey()}. A sink that throws gets the notification again later.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface NotificationSink {
  /** @param notification what to deliver */
  void deliver(Notification notification);

  /** @return a sink that drops every notification, for hosts that do not notify */
  static NotificationSink noop() {
    return notification -> { };
  }
}
