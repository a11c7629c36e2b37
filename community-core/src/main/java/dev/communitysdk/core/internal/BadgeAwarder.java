package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

import dev.communitysdk.core.event.MemberEvent;
import dev.communitysdk.core.reputation.Badge;
import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * Awards badges inside the command that earned them, each once per member and subject, with an event for each award.
 * Anonymous content earns no badge: a badge on a profile would link the member to it. Not API.
 */
public final class BadgeAwarder {
  private static final List<Badge> SCORE_BADGES = List.of(Badge.NICE_ANSWER, Badge.GOOD_ANSWER, Badge.GREAT_ANSWER);

  private final CommunityStore store;
  private final EventLog events;

  /**
   * @param store the storage port
   * @param events the event log
   */
  public BadgeAwarder(CommunityStore store, EventLog events) {
    this.store = requireNonNull(store, "store");
    this.events = requireNonNull(events, "events");
  }

  /** A member answered someone else's question. */
  public void answered(MemberId author, Instant at) {
    award(author, Badge.FIRST_ANSWER, "", at);
  }

  /** An answer's score changed to {@code score}. */
  public void answerScored(MemberId author, PostId answer, long score, Instant at) {
    for (Badge badge : SCORE_BADGES) {
      if (score >= badge.score()) {
        award(author, badge, "post:" + answer.value(), at);
      }
    }
  }

  /** A member's answer was accepted in a topic with these tags. */
  public void accepted(MemberId author, List<String> tags, Instant at) {
    award(author, Badge.ACCEPTED_ANSWER, "", at);
    for (String tag : tags) {
      award(author, Badge.TAG_ACCEPTED, "tag:" + tag, at);
    }
  }

  private void award(MemberId member, Badge badge, String subject, Instant at) {
    if (store.badges().find(member, badge.id(), subject).isPresent()) {
      return;
    }
    store.badges().insert(new BadgeAward(member, badge.id(), badge.tier(), subject, at));
    events.append(new MemberEvent.BadgeAwarded(member.value(), badge.id(), badge.tier().name(), subject), at);
  }
}
