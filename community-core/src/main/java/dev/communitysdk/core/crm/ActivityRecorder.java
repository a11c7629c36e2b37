package dev.communitysdk.core.crm;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ContactLinker;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;

/**
 * Records members' published, named content on their CRM contacts: topics, replies, ideas and reviews when they become
 * public, and answers when accepted. Anonymous content, content no longer published and the content of erased members
 * are never sent. Reads run in short transactions of their own, and the CRM is called with none open. Thread-safe.
 */
final class ActivityRecorder {
  private final CommunityContext context;
  private final CrmConnector crm;
  private final ContactLinker links;

  ActivityRecorder(CommunityContext context, CrmConnector crm, ContactLinker links) {
    this.context = requireNonNull(context, "context");
    this.crm = requireNonNull(crm, "crm");
    this.links = requireNonNull(links, "links");
  }

  /** What one activity says, before the author's contact is known. */
  private record Draft(MemberId authorId, String kind, String summary, Instant occurredAt) {}

  /**
   * Records a post that became public, once per post however often it is published (approved, hidden by flags and
   * approved again): its key is the post's.
   *
   * @param postId the post
   */
  void published(PostId postId) {
    Optional<Draft> draft = context.commands().run("crm.activity-read", () -> context.store().posts().find(postId)
        .filter(post -> post.status() == PostStatus.PUBLISHED)
        .flatMap(this::named)
        .map(post -> describe(post, context.topic(post.topicId()))));
    draft.ifPresent(d -> record("community-post-" + postId.value() + "-published", d));
  }

  /**
   * Records an accepted answer on its author's contact.
   *
   * @param answerId the answer
   * @param idempotencyKey the key of the event that accepted it
   * @param at when it was accepted
   */
  void accepted(PostId answerId, String idempotencyKey, Instant at) {
    Optional<Draft> draft = context.commands().run("crm.activity-read", () -> context.store().posts().find(answerId)
        .filter(post -> post.status() == PostStatus.PUBLISHED)
        .flatMap(this::named)
        .map(post -> new Draft(post.authorId(), "answer.accepted",
            "Answer accepted in \"" + context.topic(post.topicId()).title() + "\"", at)));
    draft.ifPresent(d -> record(idempotencyKey + "-answer.accepted", d));
  }

  /** @return the post, when it carries its author's name and the author was not erased */
  private Optional<Post> named(Post post) {
    if (post.anonymous()) {
      return Optional.empty();
    }
    return context.store().members().find(post.authorId())
        .filter(author -> author.status() != MemberStatus.ERASED)
        .map(author -> post);
  }

  private Draft describe(Post post, Topic topic) {
    if (!post.opening()) {
      return new Draft(post.authorId(), "post.replied", "Replied in \"" + topic.title() + "\"", post.createdAt());
    }
    SpaceKind kind = context.space(topic.spaceId()).kind();
    return switch (kind) {
      case IDEAS -> new Draft(post.authorId(), "idea.proposed", "Proposed the idea \"" + topic.title() + "\"",
          post.createdAt());
      case REVIEWS -> new Draft(post.authorId(), "review.posted", context.store().reviews().find(topic.id())
          .map(review -> "Reviewed " + review.productId() + " with " + review.stars() + " stars: \"" + topic.title()
              + "\"")
          .orElse("Reviewed \"" + topic.title() + "\""), post.createdAt());
      case DISCUSSION, QUESTIONS -> new Draft(post.authorId(), "topic.started",
          (kind == SpaceKind.QUESTIONS ? "Asked \"" : "Started \"") + topic.title() + "\"", post.createdAt());
    };
  }

  private void record(String key, Draft draft) {
    Optional<CrmLink> link = links.ensureLinked(draft.authorId());
    link.ifPresent(l -> crm.recordActivity(
        new CrmActivity(key, l.contactId(), draft.kind(), draft.summary(), draft.occurredAt())));
  }
}
