package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ledger entry to append. The fields mean what they mean on {@link ReputationEntry}.
 *
 * @param memberId whose reputation changed
 * @param delta the change actually applied
 * @param reason why
 * @param reversal whether it takes back an earlier entry
 * @param sourceKey what caused it, unique per member
 * @param causedBy the member whose action caused it, if any
 * @param spaceId the space involved, if any
 * @param topicId the topic involved, if any
 * @param postId the post involved, if any
 * @param tags the tags of the topic involved
 * @param at when it happened
 */
public record NewReputationEntry(
    MemberId memberId, long delta, ReputationReason reason, boolean reversal, String sourceKey,
    Optional<MemberId> causedBy, Optional<SpaceId> spaceId, Optional<TopicId> topicId, Optional<PostId> postId,
    List<String> tags, Instant at) {
  /** The longest source key a store must keep. */
  public static final int MAX_SOURCE_KEY = 120;

  /** Checks the fields. */
  public NewReputationEntry {
    requireNonNull(memberId, "memberId");
    requireNonNull(reason, "reason");
    Checks.notBlank(sourceKey, "sourceKey");
    if (sourceKey.length() > MAX_SOURCE_KEY) {
      throw new IllegalArgumentException("sourceKey must be at most " + MAX_SOURCE_KEY + " characters");
    }
    requireNonNull(causedBy, "causedBy");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(topicId, "topicId");
    requireNonNull(postId, "postId");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    Checks.instant(at, "at");
  }
}
