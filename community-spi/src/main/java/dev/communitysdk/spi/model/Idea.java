package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The idea state of a topic in an {@link SpaceKind#IDEAS} space: its status and its vote counters. The counters hold
 * the idea's active votes, those cast on it and those merged into it from duplicates.
 *
 * @param topicId the topic that holds the idea
 * @param spaceId the topic's space
 * @param status where the idea stands
 * @param upVotes active up votes
 * @param downVotes active down votes
 * @param mergedInto for {@link IdeaStatus#DUPLICATE}: the idea it was merged into
 * @param statusChangedAt when the status last changed (creation for new ideas)
 * @param createdAt when the idea was proposed
 */
public record Idea(
    TopicId topicId, SpaceId spaceId, IdeaStatus status, long upVotes, long downVotes, Optional<TopicId> mergedInto,
    Instant statusChangedAt, Instant createdAt) {
  /** Checks the fields. */
  public Idea {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(status, "status");
    Checks.nonNegative(upVotes, "upVotes");
    Checks.nonNegative(downVotes, "downVotes");
    requireNonNull(mergedInto, "mergedInto");
    Checks.instant(statusChangedAt, "statusChangedAt");
    Checks.instant(createdAt, "createdAt");
  }

  /** @return up votes minus down votes: the idea's vote count */
  public long score() {
    return upVotes - downVotes;
  }
}
