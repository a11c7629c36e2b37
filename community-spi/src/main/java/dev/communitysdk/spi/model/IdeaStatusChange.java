package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of an idea's history: a status change with the company's official response.
 *
 * @param topicId the idea
 * @param from the status before
 * @param to the status after
 * @param response the official response, as Markdown source and sanitized HTML
 * @param changedBy the employee or admin who changed it
 * @param changedAt when
 * @param duplicateOf for a change to {@link IdeaStatus#DUPLICATE}, or back from it: the other idea of the merge
 */
public record IdeaStatusChange(
    TopicId topicId, IdeaStatus from, IdeaStatus to, PostContent response, MemberId changedBy, Instant changedAt,
    Optional<TopicId> duplicateOf) {
  /** Checks the fields. */
  public IdeaStatusChange {
    requireNonNull(topicId, "topicId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(response, "response");
    requireNonNull(changedBy, "changedBy");
    Checks.instant(changedAt, "changedAt");
    requireNonNull(duplicateOf, "duplicateOf");
  }
}
