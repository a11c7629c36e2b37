package dev.communitysdk.core.escalation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.event.EscalationEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.post.Posts;
import dev.communitysdk.core.question.Questions;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.Escalation;
import dev.communitysdk.spi.model.EscalationReason;
import dev.communitysdk.spi.model.EscalationState;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.NewEscalation;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.EscalationStore;

/**
 * Escalation of questions to support cases in the host's CRM. A question is escalated at most once: when it stays
 * open, unanswered and unsolved for its space's service level ({@link #escalateOverdue()}), or when its asker or a
 * member of staff escalates it ({@link #escalate}). The outbox relay then opens the case through the
 * {@link dev.communitysdk.spi.crm.CrmConnector} and links its id to the question. When the case is resolved, staff post
 * the resolution back ({@link #resolve}); when the community solves the question first, the relay tells the CRM.
 * Anonymous questions never reach the CRM. Thread-safe.
 */
public final class Escalations {
  private static final int SWEEP_PAGE = 100;

  private final CommunityContext context;
  private final Posts posts;
  private final Questions questions;

  /**
   * Not API: reached through {@code Community.escalations()}.
   *
   * @param context the community's shared services
   * @param posts replies, for posting resolutions
   * @param questions answers, for accepting resolutions
   */
  public Escalations(CommunityContext context, Posts posts, Questions questions) {
    this.context = requireNonNull(context, "context");
    this.posts = requireNonNull(posts, "posts");
    this.questions = requireNonNull(questions, "questions");
  }

  /**
   * Sets or clears a questions space's escalation service level; questions already escalated stay so.
   *
   * @param actor an admin
   * @param spaceId a questions space
   * @param sla how long a question may stay unanswered before it is escalated: whole seconds, 1 second to 365 days;
   *     empty for never
   * @throws ValidationException if the service level breaks its rule (field {@code sla})
   * @throws PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if the space does not exist
   * @throws ConflictException if the space does not hold questions (rule {@code space.kind})
   */
  public void setSla(Actor actor, SpaceId spaceId, Optional<Duration> sla) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(sla, "sla");
    sla.ifPresent(value -> InputRules.escalationSla("sla", value));
    context.commands().run("escalation.sla", () -> {
      Member admin = context.acting(actor, "escalation.sla");
      context.policy().requireAdmin(admin, "escalation.sla");
      Space space = context.space(admin, spaceId, SpaceKind.QUESTIONS);
      store().setSla(space.id(), sla);
      return null;
    });
  }

  /**
   * @param actor a reader of the space
   * @param spaceId a space
   * @return the space's escalation service level; empty when it has none
   * @throws NotFoundException if the space does not exist or the actor may not read it
   */
  public Optional<Duration> sla(Actor actor, SpaceId spaceId) {
    requireNonNull(spaceId, "spaceId");
    return context.commands().run("escalation.sla.read", () -> {
      Member reader = context.reader(actor);
      Space space = context.space(spaceId);
      context.policy().requireRead(reader, space);
      return store().sla(space.id());
    });
  }

  /**
   * Escalates every question that is due: in a space with a service level, open, not anonymous, without an accepted
   * answer or a counted answer, asked at least the service level ago, and not escalated yet. Each question is
   * escalated in a transaction of its own, with a {@code topic.escalated} event; concurrent sweeps, on this node or
   * others, escalate each question once. Hosts call it from their scheduler, or let the relay's background thread run
   * it before every drain.
   *
   * @return how many questions this call escalated
   */
  public int escalateOverdue() {
    Map<SpaceId, Duration> slas = context.commands().run("escalation.slas", () -> store().slas());
    int escalated = 0;
    for (Map.Entry<SpaceId, Duration> entry : slas.entrySet()) {
      escalated += sweep(entry.getKey(), entry.getValue());
    }
    return escalated;
  }

  private int sweep(SpaceId spaceId, Duration sla) {
    int escalated = 0;
    while (true) {
      Instant askedBy = context.commands().now().minus(sla);
      List<TopicId> due = context.commands().run("escalation.overdue",
          () -> store().overdue(spaceId, askedBy, SWEEP_PAGE));
      int before = escalated;
      for (TopicId topicId : due) {
        if (context.commands().run("escalation.sweep", () -> escalateIfDue(topicId, askedBy))) {
          escalated++;
        }
      }
      // A page that escalated nothing was taken by another sweep or changed meanwhile; the next sweep looks again.
      if (due.size() < SWEEP_PAGE || escalated == before) {
        return escalated;
      }
    }
  }

  /** Checks again, inside the escalating transaction, what {@link EscalationStore#overdue} found. */
  private boolean escalateIfDue(TopicId topicId, Instant askedBy) {
    Topic topic = context.topic(topicId);
    boolean due = topic.kind() == SpaceKind.QUESTIONS && topic.status() == TopicStatus.OPEN && !topic.anonymous()
        && !topic.solved() && topic.answerCount() == 0 && !topic.createdAt().isAfter(askedBy)
        && store().find(topicId).isEmpty();
    if (due) {
      insert(topic, EscalationReason.SLA, null);
    }
    return due;
  }

  /**
   * Escalates a question at once, whatever its space's service level.
   *
   * @param actor the asker, or a member of staff (employee, moderator or admin) who may read the question
   * @param topicId an open question without an accepted answer
   * @return the escalation, open; the relay opens its case
   * @throws NotFoundException if the question does not exist or the actor may not read it
   * @throws PermissionDeniedException if the actor is neither the asker nor staff
   * @throws ConflictException if the topic is not a question (rule {@code topic.kind}) or not open (rule
   *     {@code topic.status}), is anonymous (rule {@code escalation.anonymous}: anonymous questions never reach the
   *     CRM), is solved (rule {@code escalation.solved}), or is escalated already (rule {@code escalation.once})
   */
  public Escalation escalate(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return context.commands().run("escalation.escalate", () -> {
      Member member = context.acting(actor, "escalation.escalate");
      Topic question = context.visibleQuestion(member, topicId);
      if (!member.id().equals(question.authorId()) && !AccessPolicy.isStaff(member)) {
        throw new PermissionDeniedException("escalation.escalate",
            "only the asker and staff (employees, moderators, admins) may escalate a question");
      }
      if (question.anonymous()) {
        throw new ConflictException("escalation.anonymous",
            "question " + topicId + " was asked anonymously, and anonymous questions are never sent to the CRM");
      }
      if (question.status() != TopicStatus.OPEN) {
        throw new ConflictException("topic.status", "question " + topicId + " is " + question.status()
            + "; only open questions can be escalated");
      }
      if (question.solved()) {
        throw new ConflictException("escalation.solved", "question " + topicId + " is solved already");
      }
      if (store().find(topicId).isPresent()) {
        throw new ConflictException("escalation.once", "question " + topicId + " is escalated already");
      }
      return insert(question, EscalationReason.MEMBER, member.id().value());
    });
  }

  private Escalation insert(Topic question, EscalationReason reason, @Nullable Long byMemberId) {
    Instant now = context.commands().now();
    Escalation escalation = store().insert(new NewEscalation(question.id(), question.spaceId(), reason, now));
    context.events().append(new EscalationEvent.Escalated(question.id().value(), question.spaceId().value(),
        reason.name(), byMemberId), now);
    return escalation;
  }

  /**
   * Posts a resolved support case's resolution back to its question, as an answer by the member of staff, and
   * accepts it if asked: all in one transaction, which also closes the escalation as
   * {@link EscalationState#RESOLVED}. The CRM, which resolved the case itself, is not told again.
   *
   * @param actor a member of staff: an employee, a moderator or an admin; accepting the resolution, like accepting any
   *     answer for the asker, is for moderators and admins
   * @param topicId an escalated question whose escalation is open
   * @param resolutionMarkdown the resolution, Markdown, 1 to 50,000 characters
   * @param accept whether to accept the resolution as the question's answer
   * @return the escalation, resolved
   * @throws ValidationException if the resolution breaks its rule (field {@code body})
   * @throws PermissionDeniedException if the actor is not staff, or asks to accept without being a moderator or admin
   * @throws NotFoundException if the question does not exist, the actor may not read it, or it is not escalated
   * @throws ConflictException if the escalation is closed already (rule {@code escalation.state}) or the question is
   *     not open (rule {@code topic.status})
   */
  public Escalation resolve(Actor actor, TopicId topicId, String resolutionMarkdown, boolean accept) {
    requireNonNull(topicId, "topicId");
    InputRules.body(resolutionMarkdown);
    return context.commands().run("escalation.resolve", () -> {
      Member staff = context.acting(actor, "escalation.resolve");
      if (!AccessPolicy.isStaff(staff)) {
        throw new PermissionDeniedException("escalation.resolve",
            "only staff (employees, moderators, admins) may post a case's resolution");
      }
      if (accept && !context.policy().isModerator(staff)) {
        throw new PermissionDeniedException("escalation.resolve",
            "only moderators and admins may accept the resolution for the asker; post it with accept = false");
      }
      context.visibleQuestion(staff, topicId);
      Escalation escalation = store().find(topicId)
          .orElseThrow(() -> new NotFoundException("escalation", topicId));
      if (escalation.state() != EscalationState.OPEN) {
        throw new ConflictException("escalation.state",
            "the escalation of question " + topicId + " is " + escalation.state() + " already");
      }
      PostView resolution = posts.reply(actor, topicId, resolutionMarkdown);
      if (accept) {
        questions.accept(actor, topicId, resolution.id());
      }
      Instant now = context.commands().now();
      store().close(topicId, EscalationState.RESOLVED, now);
      context.events().append(new EscalationEvent.Resolved(topicId.value(), resolution.id().value(), accept,
          staff.id().value()), now);
      return store().find(topicId).orElseThrow();
    });
  }

  /**
   * @param actor the asker, or a member of staff
   * @param topicId a question
   * @return its escalation with its state and case id, or empty when it was never escalated
   * @throws NotFoundException if the question does not exist or the actor may not read it
   * @throws PermissionDeniedException if the actor is neither the asker nor staff
   */
  public Optional<Escalation> of(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return context.commands().run("escalation.read", () -> {
      Member reader = context.reader(actor);
      Topic question = context.visibleQuestion(reader, topicId);
      if (!reader.id().equals(question.authorId()) && !AccessPolicy.isStaff(reader)) {
        throw new PermissionDeniedException("escalation.read",
            "only the asker and staff (employees, moderators, admins) may see a question's escalation");
      }
      return store().find(topicId);
    });
  }

  /**
   * Reports how the questions asked in one space during a period fared.
   *
   * @param actor a member of staff (employee, moderator or admin) who may read the space
   * @param spaceId a questions space
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive; after {@code from}
   * @return the report
   * @throws ValidationException if {@code to} is not after {@code from} (field {@code to})
   * @throws PermissionDeniedException if the actor is not staff
   * @throws NotFoundException if the space does not exist or the actor may not read it
   * @throws ConflictException if the space does not hold questions (rule {@code space.kind})
   */
  public DeflectionReport deflection(Actor actor, SpaceId spaceId, Instant from, Instant to) {
    requireNonNull(spaceId, "spaceId");
    checkPeriod(from, to);
    return context.commands().run("escalation.deflection", () -> {
      Member staff = staffReader(actor);
      Space space = context.space(staff, spaceId, SpaceKind.QUESTIONS);
      return new DeflectionReport(Optional.of(space.id()), from, to, store().deflection(space.id(), from, to));
    });
  }

  /**
   * Reports how the questions asked during a period fared across every questions space the actor may read.
   *
   * @param actor a member of staff (employee, moderator or admin)
   * @param from the period's start, inclusive
   * @param to the period's end, exclusive; after {@code from}
   * @return the report, summed over the questions spaces the actor may read
   * @throws ValidationException if {@code to} is not after {@code from} (field {@code to})
   * @throws PermissionDeniedException if the actor is not staff
   */
  public DeflectionReport deflection(Actor actor, Instant from, Instant to) {
    checkPeriod(from, to);
    return context.commands().run("escalation.deflection", () -> {
      Member staff = staffReader(actor);
      AccessPolicy.ReadableSpaces readable = context.policy().readable(staff);
      DeflectionCounts counts = DeflectionCounts.NONE;
      for (Space space : context.store().spaces().list()) {
        if (space.kind() == SpaceKind.QUESTIONS && readable.canRead(space)) {
          counts = counts.plus(store().deflection(space.id(), from, to));
        }
      }
      return new DeflectionReport(Optional.empty(), from, to, counts);
    });
  }

  private static void checkPeriod(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new ValidationException("to", "must be after from (" + from + ")", to);
    }
  }

  private Member staffReader(Actor actor) {
    Member reader = context.reader(actor);
    if (!AccessPolicy.isStaff(reader)) {
      throw new PermissionDeniedException("escalation.deflection",
          "only staff (employees, moderators, admins) may read the deflection report");
    }
    return reader;
  }

  private EscalationStore store() {
    return context.store().escalations();
  }
}
