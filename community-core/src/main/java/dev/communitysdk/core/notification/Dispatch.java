package dev.communitysdk.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.notification.Notification;
import dev.communitysdk.spi.notification.NotificationKind;

/**
 * Routes the notifications of one event by each recipient's choice, inside the routing command: those of members
 * who read digests are kept (once per key, so a redelivered event keeps nothing twice), the others are collected to be
 * sent to the sink after the command commits.
 */
final class Dispatch {
  private final CommunityContext context;
  private final Instant occurredAt;
  private final List<Notification> immediate = new ArrayList<>();

  Dispatch(CommunityContext context, Instant occurredAt) {
    this.context = context;
    this.occurredAt = occurredAt;
  }

  /**
   * @param recipient who to tell, checked to be allowed to read what it is about
   * @param key the notification's idempotency key
   * @param kind why
   * @param subject the plain-text subject
   * @param topicId the topic, or 0
   * @param postId the post, or 0
   */
  void send(Member recipient, String key, NotificationKind kind, String subject, long topicId, long postId) {
    String line = shorten(subject);
    NotificationDelivery delivery =
        context.store().subscriptions().findDelivery(recipient.id()).orElse(NotificationDelivery.IMMEDIATE);
    if (delivery == NotificationDelivery.IMMEDIATE) {
      immediate.add(new Notification(key, recipient.externalId(), kind, line, topicId, occurredAt));
    } else if (!context.store().digests().contains(key)) {
      context.store().digests().enqueue(
          new NotificationItem(recipient.id(), key, kind, line, topicId, postId, occurredAt));
    }
  }

  /** @return the notifications to send to the sink at once, in the order they were routed */
  List<Notification> immediate() {
    return List.copyOf(immediate);
  }

  private static String shorten(String subject) {
    if (subject.length() <= NotificationItem.SUBJECT_MAX) {
      return subject;
    }
    int end = subject.offsetByCodePoints(0, subject.codePointCount(0, NotificationItem.SUBJECT_MAX - 1));
    return subject.substring(0, end) + "…";
  }
}
