package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.core.reputation.ReputationRules;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * Writes reputation: one ledger entry per cause and the member's total in the same transaction, with the daily cap
 * on vote gains and the floor applied, so that a total always equals 1 plus the sum of its ledger. Not API.
 *
 * <p>The receiver's row is locked before the cap and floor are worked out, so that concurrent commands cannot both
 * spend the same remaining allowance. An entry records the delta actually applied; a reversal takes back exactly
 * what the cause still holds ({@link dev.communitysdk.spi.storage.ReputationLedger#net}), floor permitting.
 */
public final class ReputationKeeper {
  private static final Set<ReputationReason> CAPPED = EnumSet.of(
      ReputationReason.POST_UPVOTED, ReputationReason.IDEA_UPVOTED, ReputationReason.REVIEW_HELPFUL);

  private final CommunityStore store;
  private final ReputationRules rules;

  /**
   * @param store the storage port
   * @param rules the amounts, cap and floor
   */
  public ReputationKeeper(CommunityStore store, ReputationRules rules) {
    this.store = requireNonNull(store, "store");
    this.rules = requireNonNull(rules, "rules");
  }

  /** @return the rules in force */
  public ReputationRules rules() {
    return rules;
  }

  /**
   * What caused a change: who acted, on which post of which topic.
   *
   * @param causedBy the member whose action caused it
   * @param spaceId the space of the post
   * @param topicId the topic of the post
   * @param postId the post
   * @param tags the topic's tags
   */
  public record Cause(MemberId causedBy, SpaceId spaceId, TopicId topicId, PostId postId, List<String> tags) {
    /** Checks the fields. */
    public Cause {
      requireNonNull(causedBy, "causedBy");
      requireNonNull(spaceId, "spaceId");
      requireNonNull(topicId, "topicId");
      requireNonNull(postId, "postId");
      tags = List.copyOf(tags);
    }
  }

  /**
   * Credits or debits the receiver the rules' amount for the reason.
   *
   * @param receiver whose reputation changes
   * @param reason why
   * @param cause who acted on what
   * @param sourceKey unique per receiver: the command's event and the reason
   * @param at when
   * @return the delta applied after cap and floor
   */
  public long apply(MemberId receiver, ReputationReason reason, Cause cause, String sourceKey, Instant at) {
    long total = lock(receiver);
    long requested = rules.amount(reason);
    if (requested > 0 && CAPPED.contains(reason)) {
      Instant dayStart = at.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
      long gainedToday = store.reputation().sum(receiver, CAPPED, dayStart, dayStart.plus(1, ChronoUnit.DAYS));
      requested = Math.max(0, Math.min(requested, rules.dailyVoteCap() - gainedToday));
    }
    return write(receiver, total, requested, reason, false, cause, sourceKey, at);
  }

  /**
   * Takes back what a cause still holds: the net of the receiver's entries for the reason, post and actor.
   *
   * @param receiver whose reputation changes back
   * @param reason the reason of the entries to reverse
   * @param cause who acted on what
   * @param sourceKey unique per receiver: the command's event and the reason
   * @param at when
   * @return the delta applied
   */
  public long reverse(MemberId receiver, ReputationReason reason, Cause cause, String sourceKey, Instant at) {
    long total = lock(receiver);
    long held = store.reputation().net(receiver, cause.postId(), cause.causedBy(), reason);
    return write(receiver, total, -held, reason, true, cause, sourceKey, at);
  }

  private long lock(MemberId receiver) {
    return store.members().reputationForUpdate(receiver).orElseThrow(() -> new NotFoundException("member", receiver));
  }

  private long write(MemberId receiver, long total, long requested, ReputationReason reason, boolean reversal,
      Cause cause, String sourceKey, Instant at) {
    // A debit stops at the floor; a credit is never cut, even for a total that sits below a floor raised later.
    long applied = requested >= 0 ? requested : Math.max(requested, Math.min(0, rules.floor() - total));
    store.reputation().append(new NewReputationEntry(receiver, applied, reason, reversal, sourceKey,
        Optional.of(cause.causedBy()), Optional.of(cause.spaceId()), Optional.of(cause.topicId()),
        Optional.of(cause.postId()), cause.tags(), at));
    if (applied != 0) {
      store.members().addReputation(receiver, applied);
    }
    return applied;
  }

  /**
   * @param eventId the id of the event the command appended
   * @param reason the reason of the entry
   * @param reversal whether the entry reverses
   * @return a source key unique per receiver
   */
  public static String sourceKey(long eventId, ReputationReason reason, boolean reversal) {
    return "event:" + eventId + ":" + reason.name().toLowerCase(java.util.Locale.ROOT) + (reversal ? ":reversal" : "");
  }
}
