package dev.communitysdk.core.topic;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.content.HtmlText;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * A topic as readers see it in listings and at the head of a thread. Anonymous topics name no author.
 *
 * @param id the topic
 * @param spaceId its space
 * @param kind its kind
 * @param title its title, as plain text: embed {@link #titleHtml()} in HTML, never this
 * @param tags its tags
 * @param author its author as readers may see them
 * @param status open, closed, locked or pending
 * @param replyCount the number of visible replies
 * @param score the opening post's score
 * @param lastActivityAt when it was last started, replied to or edited
 * @param createdAt when it was started
 * @param version the version to pass to {@link Topics#edit}
 * @param acceptedAnswerId for questions: the accepted answer, if any
 * @param answerCount for questions: replies from others scoring at least 0
 * @param productId the product it is about, if any
 */
public record TopicSummary(
    TopicId id, SpaceId spaceId, SpaceKind kind, String title, List<String> tags, AuthorRef author,
    TopicStatus status, long replyCount, long score, Instant lastActivityAt, Instant createdAt, long version,
    Optional<PostId> acceptedAnswerId, long answerCount, Optional<String> productId) {
  /** Checks the fields. */
  public TopicSummary {
    requireNonNull(id, "id");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(kind, "kind");
    requireNonNull(title, "title");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(author, "author");
    requireNonNull(status, "status");
    requireNonNull(lastActivityAt, "lastActivityAt");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(acceptedAnswerId, "acceptedAnswerId");
    requireNonNull(productId, "productId");
  }

  /** @return the title escaped for HTML element content and quoted attribute values */
  public String titleHtml() {
    return HtmlText.escapeText(title);
  }

  /**
   * Tags are validated to {@code [a-z0-9-]}, so escaping never changes them; this is for code that escapes every
   * member-supplied string on principle.
   *
   * @return the tags escaped for HTML, in order
   */
  public List<String> tagsHtml() {
    return tags.stream().map(HtmlText::escapeText).toList();
  }

  /** @return whether the topic is a question with an accepted answer */
  public boolean solved() {
    return acceptedAnswerId.isPresent();
  }

  /**
   * @param topic the stored topic
   * @param author its author as readers may see them
   * @return the readers' view of the topic
   */
  public static TopicSummary of(Topic topic, AuthorRef author) {
    return new TopicSummary(topic.id(), topic.spaceId(), topic.kind(), topic.title(), topic.tags(), author,
        topic.status(), topic.replyCount(), topic.score(), topic.lastActivityAt(), topic.createdAt(), topic.version(),
        topic.acceptedAnswerId(), topic.answerCount(), topic.productId());
  }
}
