package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the append-only reputation ledger. A member's reputation total is 1 plus the sum of their entries'
 * deltas; a change is never edited, only answered by a reversing entry.
 *
 * @param id the store's id, increasing in append order
 * @param memberId whose reputation changed
 * @param delta the change actually applied, after the daily cap and the floor of 1 (may be 0)
 * @param reason why
 * @param reversal whether the entry takes back an earlier one (a retracted vote, an un-accepted answer)
 * @param sourceKey what caused it, unique per member: entries are idempotent per source
 * @param causedBy the member whose action caused it (the voter, the asker), if any
 * @param spaceId the space of the content involved, if any
 * @param topicId the topic of the content involved, if any
 * @param postId the post involved, if any
 * @param tags the tags of the topic involved, for tag leaderboards and expertise
 * @param at when it happened
 */
public record ReputationEntry(
    long id, MemberId memberId, long delta, ReputationReason reason, boolean reversal, String sourceKey,
    Optional<MemberId> causedBy, Optional<SpaceId> spaceId, Optional<TopicId> topicId, Optional<PostId> postId,
    List<String> tags, Instant at) {
  /** Checks the fields. */
  public ReputationEntry {
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    requireNonNull(memberId, "memberId");
    requireNonNull(reason, "reason");
    Checks.notBlank(sourceKey, "sourceKey");
    requireNonNull(causedBy, "causedBy");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(topicId, "topicId");
    requireNonNull(postId, "postId");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    Checks.instant(at, "at");
  }
}
