package dev.communitysdk.core.notification;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.spi.storage.SubscriptionStore;

/**
 * What members follow: topics, spaces and tags, each at a {@link WatchLevel}. A level set on a topic overrides those
 * of its space and tags, so a member may mute a busy space and still watch one of its topics, or mute one topic of a
 * watched space. Authors watch the topics they start, and repliers track the topics they reply in, unless they set a
 * level on the topic before. Thread-safe.
 */
public final class Subscriptions {
  /** The largest page {@link #list} serves. */
  public static final int MAX_PAGE = 100;
  private static final String LISTING = "SUBSCRIPTIONS";

  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Subscriptions(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * Follows a topic, a space or a tag at a level, or changes the level of an existing subscription.
   *
   * @param actor the follower
   * @param target what to follow: {@link SubscriptionTarget#topic}, {@link SubscriptionTarget#space} or
   *     {@link SubscriptionTarget#tag}
   * @param level how closely
   * @return the subscription as stored
   * @throws NotFoundException if the topic or space does not exist or the actor may not read it
   * @throws ValidationException if the target's key is not a topic id, a space id or a valid tag (field
   *     {@code target.key})
   */
  public Subscription follow(Actor actor, SubscriptionTarget target, WatchLevel level) {
    requireNonNull(target, "target");
    requireNonNull(level, "level");
    return context.commands().run("subscription.follow", () -> {
      Member member = context.acting(actor, "subscription.follow");
      requireReadable(member, target);
      SubscriptionStore store = context.store().subscriptions();
      if (store.updateLevel(member.id(), target, level, context.commands().now())) {
        return store.find(member.id(), target).orElseThrow();
      }
      return store.insert(member.id(), target, level, context.commands().now());
    });
  }

  /**
   * Stops following a target; the levels of its space and tags apply to a topic again.
   *
   * @param actor the follower
   * @param target what they follow
   * @return whether they followed it
   */
  public boolean unfollow(Actor actor, SubscriptionTarget target) {
    requireNonNull(target, "target");
    return context.commands().run("subscription.unfollow", () -> {
      Member member = context.acting(actor, "subscription.unfollow");
      return context.store().subscriptions().delete(member.id(), target);
    });
  }

  /**
   * @param actor a member
   * @param target a target
   * @return the member's own subscription to it, if any (an author's automatic one included)
   */
  public Optional<Subscription> find(Actor actor, SubscriptionTarget target) {
    requireNonNull(target, "target");
    return context.commands().run("subscription.find",
        () -> context.store().subscriptions().find(context.reader(actor).id(), target));
  }

  /**
   * Lists the actor's own subscriptions, oldest first.
   *
   * @param actor a member
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first page
   * @param limit the page size, 1 to {@value #MAX_PAGE}
   * @return one page of the actor's subscriptions
   * @throws ValidationException if the cursor is not one of this listing's (field {@code cursor}) or the limit is out
   *     of range (field {@code limit})
   */
  public Page<Subscription> list(Actor actor, Optional<String> cursor, int limit) {
    requireNonNull(cursor, "cursor");
    int checked = InputRules.pageSize("limit", limit, MAX_PAGE);
    Optional<Long> after = cursor.map(token -> Cursors.decodeListing(LISTING, token).id());
    return context.commands().run("subscription.list", () -> {
      Member member = context.reader(actor);
      List<Subscription> rows = context.store().subscriptions().listByMember(member.id(), after, checked + 1);
      return new Page<>(rows.subList(0, Math.min(rows.size(), checked)),
          Cursors.next(LISTING, rows, checked, row -> 0, Subscription::id));
    });
  }

  private void requireReadable(Member member, SubscriptionTarget target) {
    switch (target.kind()) {
      case TOPIC -> {
        Topic topic = context.readableTopic(member, new TopicId(id(target)));
        boolean hidden = topic.status() == TopicStatus.DELETED || (topic.status() == TopicStatus.PENDING
            && !topic.authorId().equals(member.id()) && !context.policy().isModerator(member));
        if (hidden) {
          throw new NotFoundException("topic", topic.id());
        }
      }
      case SPACE -> context.policy().requireRead(member, context.space(new SpaceId(id(target))));
      case TAG -> InputRules.tag("target.key", target.key());
    }
  }

  private static long id(SubscriptionTarget target) {
    try {
      long id = Long.parseLong(target.key());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // Reported below, as every other key that is no id.
    }
    throw new ValidationException("target.key", "must be a " + target.kind().name().toLowerCase(Locale.ROOT) + " id",
        target.key());
  }
}
