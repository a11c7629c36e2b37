package dev.communitysdk.core.escalation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.communitysdk.core.event.EscalationEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ContactLinker;
import dev.communitysdk.core.internal.EventPayloads;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.SupportCaseRequest;
import dev.communitysdk.spi.crm.SupportCaseUpdate;
import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;

/**
 * The relay's route from escalations to the CRM. On {@code topic.escalated} it opens the question's support case with
 * the event's idempotency key, so a redelivery gets the same case back, and links the case id to the question once. On
 * {@code answer.accepted} for a question whose escalation is still open, it tells the case that the community solved
 * the question, then closes the escalation as {@link EscalationState#SOLVED_IN_COMMUNITY}. The CRM is called outside
 * any transaction; a CRM failure propagates, and the relay delivers the event again later. Idempotent and
 * thread-safe. Not API: the community registers it before the host's listeners.
 */
public final class EscalationRoute implements CommunityEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(EscalationRoute.class);
  private static final String ANSWER_ACCEPTED = "answer.accepted";

  private final CommunityContext context;
  private final CrmConnector crm;
  private final ContactLinker links;

  /**
   * @param context the community's shared services
   * @param crm the host's CRM
   * @param links links askers to the CRM's contacts, so that a case names its asker
   */
  public EscalationRoute(CommunityContext context, CrmConnector crm, ContactLinker links) {
    this.context = requireNonNull(context, "context");
    this.crm = requireNonNull(crm, "crm");
    this.links = requireNonNull(links, "links");
  }

  @Override
  public void onEvent(CommunityEvent event) {
    if (EscalationEvent.Escalated.TYPE.equals(event.type())) {
      openCase(event, topicOf(event));
    } else if (ANSWER_ACCEPTED.equals(event.type())) {
      solvedInCommunity(event, topicOf(event));
    }
  }

  private void openCase(CommunityEvent event, TopicId topicId) {
    Optional<CaseDraft> draft = context.commands().run("escalation.case.request", () -> draft(topicId));
    if (draft.isEmpty()) {
      return;
    }
    Optional<CrmLink> link = links.ensureLinked(draft.get().askerId());
    Optional<String> caseId = crm.openCase(draft.get().request(event.idempotencyKey(), link));
    caseId.ifPresent(id -> {
      boolean linked = context.commands().run("escalation.case.link",
          () -> context.store().escalations().linkCase(topicId, id));
      if (!linked) {
        LOG.debug("Question {} was linked to its case already", topicId);
      }
    });
  }

  /**
   * The case to open: none when the escalation has its case already, is closed, or its asker was erased since, as
   * nothing of an erased member may reach the CRM.
   */
  private Optional<CaseDraft> draft(TopicId topicId) {
    Optional<Escalation> escalation = context.store().escalations().find(topicId)
        .filter(e -> e.state() == EscalationState.OPEN && e.caseId().isEmpty());
    if (escalation.isEmpty()) {
      return Optional.empty();
    }
    Topic question = context.topic(topicId);
    Member asker = context.store().members().find(question.authorId()).orElseThrow();
    if (question.anonymous() || asker.status() == MemberStatus.ERASED) {
      return Optional.empty();
    }
    String description = context.openingPost(topicId).map(Post::content).map(PostContent::source).orElse("");
    return Optional.of(new CaseDraft(asker.id(), asker.profile().customerAccountId(), topicId.value(),
        question.title(), description, escalation.get().reason().name().toLowerCase(Locale.ROOT),
        escalation.get().escalatedAt()));
  }

  /** A case to open, before the asker's CRM contact is known. */
  private record CaseDraft(MemberId askerId, Optional<String> profileAccountId, long topicId, String subject,
      String description, String reason, Instant escalatedAt) {
    /** @return the request, naming the asker's contact and account from their CRM link, if they have one */
    SupportCaseRequest request(String idempotencyKey, Optional<CrmLink> link) {
      return new SupportCaseRequest(idempotencyKey, link.map(CrmLink::contactId),
          link.isPresent() ? link.get().accountId() : profileAccountId, topicId, subject, description, reason,
          escalatedAt);
    }
  }

  private void solvedInCommunity(CommunityEvent event, TopicId topicId) {
    Optional<Escalation> open = context.commands().run("escalation.find",
        () -> context.store().escalations().find(topicId).filter(e -> e.state() == EscalationState.OPEN));
    if (open.isEmpty()) {
      return;
    }
    open.get().caseId().ifPresent(caseId -> crm.updateCase(new SupportCaseUpdate(event.idempotencyKey(), caseId,
        ANSWER_ACCEPTED, "The question was solved in the community: an answer was accepted.", event.occurredAt())));
    context.commands().run("escalation.solved",
        () -> context.store().escalations().close(topicId, EscalationState.SOLVED_IN_COMMUNITY, event.occurredAt()));
  }

  private static TopicId topicOf(CommunityEvent event) {
    JsonNode topicId = EventPayloads.tree(event).get("topicId");
    if (topicId == null || !topicId.canConvertToLong()) {
      throw new CommunityException("event " + event.id().value() + " of type " + event.type() + " has no topicId");
    }
    return new TopicId(topicId.asLong());
  }
}
