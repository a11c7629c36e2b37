package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.model.ExpertiseRow;
import dev.communitysdk.spi.model.LeaderboardRow;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;

/**
 * The append-only reputation ledger. Entries are never changed or deleted; a (member, source key) pair is unique, so
 * that appending the same cause twice is impossible. Leaderboards and expertise are answered from indexes or
 * rollups the store keeps in the same transaction as the entry, never by scanning the whole ledger. Thread-safe;
 * every call joins the caller's transaction.
 */
public interface ReputationLedger {
  /**
   * @param entry the entry to append
   * @return the stored entry with its id
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the member already has an entry with the source key
   */
  ReputationEntry append(NewReputationEntry entry);

  /**
   * The reputation a member currently holds from one cause: the sum of deltas of their entries with the reason about
   * the post caused by the member, reversals included. A reversal takes back exactly this much.
   *
   * @return the sum, 0 when there is none
   */
  long net(MemberId memberId, PostId postId, MemberId causedBy, ReputationReason reason);

  /**
   * @param memberId the member
   * @param reasons the reasons to count
   * @param from the start, inclusive
   * @param until the end, exclusive
   * @return the sum of the member's deltas with those reasons in the window, reversals included
   */
  long sum(MemberId memberId, Set<ReputationReason> reasons, Instant from, Instant until);

  /**
   * @param memberId the member
   * @param afterId the last entry id of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return the member's entries with ids above {@code afterId}, in id order
   */
  List<ReputationEntry> list(MemberId memberId, Optional<Long> afterId, int limit);

  /**
   * @param scope which entries count
   * @param since count only entries at or after this moment; all time when empty
   * @param limit at most this many rows, 1 to 1000
   * @return members with a positive gain, by gain descending, then member id ascending
   */
  List<LeaderboardRow> leaderboard(LeaderboardScope scope, Optional<Instant> since, int limit);

  /**
   * @param tags the tags; an entry counts when its topic carried any of them
   * @param limit at most this many rows, 1 to 1000
   * @return members with at least one accepted answer or up vote counted, by accepted answers descending, then up
   *     votes descending, then member id ascending; {@link ReputationReason#ANSWER_ACCEPTED} and
   *     {@link ReputationReason#POST_UPVOTED} entries count +1 each and their reversals -1
   */
  List<ExpertiseRow> experts(Collection<String> tags, int limit);

  /**
   * @param after the last member of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return per member with entries, the sum of their deltas, by member id ascending
   */
  List<MemberTotal> totals(Optional<MemberId> after, int limit);
}
