package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.TopicId;

/**
 * One status change of an idea with the company's response, shown apart from the members' replies.
 *
 * @param from the status before
 * @param to the status after
 * @param html the response as sanitized HTML, safe to embed
 * @param source the response's Markdown source
 * @param by the employee or admin who changed the status
 * @param at when
 * @param duplicateOf for a merge or its undo: the other idea
 */
public record OfficialResponse(
    IdeaStatus from, IdeaStatus to, String html, String source, AuthorRef by, Instant at,
    Optional<TopicId> duplicateOf) {
  /** Checks the fields. */
  public OfficialResponse {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(html, "html");
    requireNonNull(source, "source");
    requireNonNull(by, "by");
    requireNonNull(at, "at");
    requireNonNull(duplicateOf, "duplicateOf");
  }
}
