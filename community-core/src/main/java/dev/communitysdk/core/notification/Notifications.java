package dev.communitysdk.core.notification;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.NotificationDelivery;
import dev.communitysdk.spi.model.NotificationItem;
import dev.communitysdk.spi.model.PendingDigest;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.QueuedNotification;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.notification.Digest;
import dev.communitysdk.spi.notification.Notification;
import dev.communitysdk.spi.notification.NotificationSink;
import dev.communitysdk.spi.storage.DigestStore;

/**
 * How members receive notifications, and the digests of those who read them batched. A member chooses
 * {@link NotificationDelivery#IMMEDIATE} (the default: each notification reaches the sink when the relay delivers its
 * cause) or {@link NotificationDelivery#DIGEST} (notifications are kept, and {@link #sendDigests()}, called by the
 * host's scheduler, sends each member one {@link Digest} of them through {@link NotificationSink#deliverDigest}).
 * Thread-safe.
 */
public final class Notifications {
  /** The largest page {@link #pending} serves. */
  public static final int MAX_PAGE = 100;
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private static final String LISTING = "NOTIFICATIONS";

  private final CommunityContext context;
  private final NotificationSink sink;
  private final Readers readers;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param sink where digests go
   */
  public Notifications(CommunityContext context, NotificationSink sink) {
    this.context = requireNonNull(context, "context");
    this.sink = requireNonNull(sink, "sink");
    this.readers = new Readers(context);
  }

  /**
   * @param actor a member
   * @return how the member receives notifications; {@link NotificationDelivery#IMMEDIATE} until they choose
   */
  public NotificationDelivery delivery(Actor actor) {
    return context.commands().run("notification.delivery", () -> context.store().subscriptions()
        .findDelivery(context.reader(actor).id()).orElse(NotificationDelivery.IMMEDIATE));
  }

  /**
   * Chooses how the actor receives notifications from now on. Notifications kept before switching back to
   * {@link NotificationDelivery#IMMEDIATE} still go out in the next digest.
   *
   * @param actor a member
   * @param delivery the choice
   */
  public void chooseDelivery(Actor actor, NotificationDelivery delivery) {
    requireNonNull(delivery, "delivery");
    context.commands().run("notification.chooseDelivery", () -> {
      Member member = context.acting(actor, "notification.chooseDelivery");
      context.store().subscriptions().setDelivery(member.id(), delivery, context.commands().now());
      return null;
    });
  }

  /**
   * Lists the actor's own notifications kept for a digest and not yet sent, oldest first. Those about what the actor
   * can no longer read are left out, as the digest leaves them out, so a page may hold fewer than {@code limit} items
   * while {@link Page#next()} still leads on.
   *
   * @param actor a member
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first page
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return one page of unsent notifications the actor may still read
   * @throws dev.communitysdk.spi.error.ValidationException if the cursor is not one of this listing's (field
   *     {@code cursor}) or the limit is out of range (field {@code limit})
   */
  public Page<Notification> pending(Actor actor, Optional<String> cursor, int limit) {
    requireNonNull(cursor, "cursor");
    int checked = InputRules.pageSize("limit", limit, MAX_PAGE);
    Optional<Long> after = cursor.map(token -> Cursors.decodeListing(LISTING, token).id());
    return context.commands().run("notification.pending", () -> {
      Member member = context.reader(actor);
      List<QueuedNotification> rows = context.store().digests().listUnsent(member.id(), after, checked + 1);
      List<Notification> items = rows.subList(0, Math.min(rows.size(), checked)).stream()
          .filter(row -> stillReadable(member, row.item()))
          .map(row -> toNotification(row.item(), member))
          .toList();
      return new Page<>(items, Cursors.next(LISTING, rows, checked, row -> 0, QueuedNotification::id));
    });
  }

  /**
   * Sends every member with kept notifications one digest: first seals each member's open notifications into a
   * digest, then delivers every pending digest through the sink and marks it sent. A digest's items and its key
   * ({@code "digest-<id>"}) are fixed when it is sealed, so a digest the sink refused, or that was delivered by a node
   * that died before marking it sent, goes out again the same, and the sink dedupes it by its key. Items the member
   * can no longer read are left out when the digest is delivered; a digest left with no item is marked sent without
   * reaching the sink. Call it from the host's scheduler (say, daily); concurrent calls from several nodes seal each
   * notification once.
   *
   * @return how many digests were sent and how many the sink refused
   */
  public DigestRun sendDigests() {
    sealOpen();
    int sent = 0;
    int failed = 0;
    Optional<Long> after = Optional.empty();
    while (true) {
      Optional<Long> from = after;
      List<PendingDigest> page = context.commands().run("notification.listDigests",
          () -> context.store().digests().listPending(from, DigestStore.MAX_PAGE));
      for (PendingDigest pending : page) {
        if (send(pending)) {
          sent++;
        } else {
          failed++;
        }
      }
      if (page.size() < DigestStore.MAX_PAGE) {
        return new DigestRun(sent, failed);
      }
      after = Optional.of(page.get(page.size() - 1).id());
    }
  }

  private void sealOpen() {
    Optional<MemberId> after = Optional.empty();
    while (true) {
      Optional<MemberId> from = after;
      List<MemberId> members = context.commands().run("notification.listOpen",
          () -> context.store().digests().membersWithOpen(from, DigestStore.MAX_PAGE));
      for (MemberId member : members) {
        context.commands().run("notification.seal",
            () -> context.store().digests().seal(member, context.commands().now()));
      }
      if (members.size() < DigestStore.MAX_PAGE) {
        return;
      }
      after = Optional.of(members.get(members.size() - 1));
    }
  }

  /** @return whether the digest is sent now (or had nothing left to send); false when the sink refused it */
  private boolean send(PendingDigest pending) {
    Optional<Digest> digest = context.commands().run("notification.readDigest", () -> readable(pending));
    if (digest.isPresent()) {
      try {
        sink.deliverDigest(digest.get());
      } catch (RuntimeException e) {
        LOG.warn("Delivering digest {} failed; it is sent again by the next sendDigests()", pending.id(), e);
        return false;
      }
    }
    context.commands().run("notification.markSent",
        () -> context.store().digests().markSent(pending.id(), context.commands().now()));
    return true;
  }

  /** @return the digest with the items its member may still read, or empty when nothing is left to send */
  private Optional<Digest> readable(PendingDigest pending) {
    Optional<Member> member = context.store().members().find(pending.memberId())
        .filter(found -> found.status() == MemberStatus.ACTIVE);
    if (member.isEmpty()) {
      return Optional.empty();
    }
    List<Notification> items = new ArrayList<>();
    for (QueuedNotification queued : context.store().digests().items(pending.id())) {
      if (stillReadable(member.get(), queued.item())) {
        items.add(toNotification(queued.item(), member.get()));
      }
    }
    return items.isEmpty() ? Optional.empty()
        : Optional.of(new Digest("digest-" + pending.id(), member.get().externalId(), items, pending.sealedAt()));
  }

  private boolean stillReadable(Member member, NotificationItem item) {
    if (item.topicId() == 0) {
      return true;
    }
    Optional<Topic> topic = context.store().topics().find(new TopicId(item.topicId()));
    Optional<Post> post = item.postId() == 0 ? Optional.empty()
        : context.store().posts().find(new PostId(item.postId()));
    if (topic.isEmpty() || (item.postId() != 0 && post.isEmpty())) {
      return false;
    }
    return !readers.among(List.of(member.id()), topic.get(), post).isEmpty();
  }

  private static Notification toNotification(NotificationItem item, Member member) {
    return new Notification(item.idempotencyKey(), member.externalId(), item.kind(), item.subject(), item.topicId(),
        item.occurredAt());
  }
}
