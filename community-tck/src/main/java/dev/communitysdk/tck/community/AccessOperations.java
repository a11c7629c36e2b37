package dev.communitysdk.tck.community;

import static dev.communitysdk.tck.community.AccessOperation.act;
import static dev.communitysdk.tck.community.AccessOperation.done;
import static dev.communitysdk.tck.community.AccessOperation.sees;
import static dev.communitysdk.tck.community.AccessScene.ids;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.communitysdk.core.Page;
import dev.communitysdk.core.escalation.DeflectionReport;
import dev.communitysdk.core.idea.IdeaListing;
import dev.communitysdk.core.insight.Granularity;
import dev.communitysdk.core.moderation.ModerationQueue;
import dev.communitysdk.core.moderation.QueueItem;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.reputation.Window;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewListing;
import dev.communitysdk.core.topic.ListingRequest;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SubscriptionTarget;
import dev.communitysdk.spi.model.WatchLevel;
import dev.communitysdk.tck.community.AccessOperation.Who;

/**
 * The operations of the access matrix, one line each: every read and write of the public API that touches a space's
 * content, and the moderation, privacy, CRM and maintenance operations whose outcome depends on the viewer's role
 * alone, so that no visibility case changes it. A new operation is one more line here; the matrix derives every cell's
 * expectation from the line's {@link Who} and the case's readability.
 */
final class AccessOperations {
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);
  /** The start and end of a period that covers every question the world asks. */
  private static final Instant ALL_ALONG = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant FOR_EVER = Instant.parse("2030-01-01T00:00:00Z");
  /** The handles a post's rendered body marks up as mentions. */
  private static final Pattern MENTION = Pattern.compile("<span class=\"mention\" data-handle=\"([^\"]+)\">");

  private AccessOperations() {}

  /** Every line, in API order. */
  static final List<AccessOperation<?>> ALL = List.of(
      // Spaces
      sees("spaces.list", SpaceKind.DISCUSSION, s -> s.space().id(),
          (s, id) -> s.community().spaces().list(s.actor()).stream().map(Space::id).toList()),
      sees("spaces.find", SpaceKind.DISCUSSION, s -> s.space().id(),
          (s, id) -> ids(s.community().spaces().find(s.actor(), id).map(Space::id))),
      sees("spaces.findBySlug", SpaceKind.IDEAS, s -> s.space().slug(),
          (s, slug) -> ids(s.community().spaces().findBySlug(s.actor(), slug).map(Space::slug))),
      act("spaces.addMember", SpaceKind.DISCUSSION, Who.ADMINS_FIRST, s -> s.world().newcomer(),
          (s, m) -> s.community().spaces().addMember(s.actor(), s.space().id(), m.memberId()))
          .onlyIn(EnumSet.of(AccessCase.PRIVATE_MEMBER, AccessCase.PRIVATE_OUTSIDER)),
      act("spaces.removeMember", SpaceKind.QUESTIONS, Who.ADMINS_FIRST, s -> s.world().newcomer(),
          (s, m) -> s.community().spaces().removeMember(s.actor(), s.space().id(), m.memberId()))
          .onlyIn(EnumSet.of(AccessCase.PRIVATE_MEMBER, AccessCase.PRIVATE_OUTSIDER)),
      act("spaces.members", SpaceKind.DISCUSSION, Who.MODERATORS, s -> s.space().id(),
          (s, id) -> s.community().spaces().members(s.actor(), id, Optional.empty(), 10))
          .onlyIn(EnumSet.of(AccessCase.PRIVATE_MEMBER, AccessCase.PRIVATE_OUTSIDER)),
      // Topics
      act("topics.start", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().topics().start(s.actor(), id, TopicDraft.of("A topic of the viewer", "Hello"))),
      act("topics.list", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().topics().list(s.actor(), ListingRequest.of(id, ListingOrder.LATEST))),
      act("topics.thread", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.topic().topic().id(),
          (s, id) -> s.community().topics().thread(s.actor(), id, Optional.empty(), 10)),
      sees("topics.find", SpaceKind.DISCUSSION, s -> s.topic().topic().id(),
          (s, id) -> ids(s.community().topics().find(s.actor(), id).map(TopicSummary::id))),
      act("topics.edit", SpaceKind.DISCUSSION, Who.STAFF, AccessScene::freshTopic,
          (s, t) -> s.community().topics().edit(s.actor(), t.id(), t.version(), "An edited topic title", List.of())),
      act("topics.close", SpaceKind.DISCUSSION, Who.STAFF, AccessScene::freshTopic,
          (s, t) -> s.community().topics().close(s.actor(), t.id())),
      act("topics.reopen", SpaceKind.DISCUSSION, Who.STAFF, AccessScene::closedTopic,
          (s, t) -> s.community().topics().reopen(s.actor(), t.id())),
      act("topics.lock", SpaceKind.DISCUSSION, Who.MODERATORS, AccessScene::freshTopic,
          (s, t) -> s.community().topics().lock(s.actor(), t.id())),
      act("topics.unlock", SpaceKind.DISCUSSION, Who.MODERATORS, AccessScene::lockedTopic,
          (s, t) -> s.community().topics().unlock(s.actor(), t.id())),
      // Posts
      act("posts.reply", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.topic().topic().id(),
          (s, id) -> s.community().posts().reply(s.actor(), id, "A reply of the viewer")),
      act("posts.replyAnonymously", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.topic().topic().id(),
          (s, id) -> s.community().posts().replyAnonymously(s.actor(), id, "An anonymous reply")),
      act("posts.edit", SpaceKind.DISCUSSION, Who.STAFF, AccessScene::freshReply,
          (s, p) -> s.community().posts().edit(s.actor(), p.id(), p.version(), "An edited reply")),
      act("posts.delete", SpaceKind.DISCUSSION, Who.MODERATORS, AccessScene::freshReply,
          (s, p) -> done(() -> s.community().posts().delete(s.actor(), p.id()))),
      sees("posts.find", SpaceKind.DISCUSSION, s -> s.reply(0).id(),
          (s, id) -> ids(s.community().posts().find(s.actor(), id).map(PostView::id))),
      act("posts.revisions", SpaceKind.DISCUSSION, Who.MODERATORS, s -> s.reply(0).id(),
          (s, id) -> s.community().posts().revisions(s.actor(), id)),
      // Votes
      act("votes.up", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.reply(0).id(),
          (s, id) -> s.community().votes().up(s.actor(), id)),
      act("votes.down", SpaceKind.DISCUSSION, Who.ANYONE, s -> s.reply(1).id(),
          (s, id) -> s.community().votes().down(s.actor(), id)),
      act("votes.retract", SpaceKind.DISCUSSION, Who.ANYONE_NOTHING_TO_RETRACT, s -> s.reply(2).id(),
          (s, id) -> s.community().votes().retract(s.actor(), id)),
      // Questions
      act("questions.ask", SpaceKind.QUESTIONS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().questions().ask(s.actor(), id, TopicDraft.of("A question of the viewer", "How?"))),
      act("questions.answers", SpaceKind.QUESTIONS, Who.ANYONE, AccessScene::question,
          (s, q) -> s.community().questions().answers(s.actor(), q.question(), Optional.empty(), 10)),
      act("questions.accept", SpaceKind.QUESTIONS, Who.MODERATORS, AccessScene::answeredQuestion,
          (s, q) -> s.community().questions().accept(s.actor(), q.question(), q.answer())),
      act("questions.unaccept", SpaceKind.QUESTIONS, Who.MODERATORS, AccessScene::acceptedQuestion,
          (s, q) -> s.community().questions().unaccept(s.actor(), q.question())),
      act("questions.suggestExperts", SpaceKind.QUESTIONS, Who.ANYONE, AccessScene::question,
          (s, q) -> s.community().questions().suggestExperts(s.actor(), q.question(), 5)),
      // Ideas
      act("ideas.propose", SpaceKind.IDEAS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().ideas().propose(s.actor(), id, TopicDraft.of("An idea of the viewer", "Do it"))),
      act("ideas.find", SpaceKind.IDEAS, Who.ANYONE, s -> s.idea(0).idea().topic().id(),
          (s, id) -> s.community().ideas().find(s.actor(), id)),
      act("ideas.list", SpaceKind.IDEAS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().ideas().list(s.actor(), IdeaListing.top(id))),
      act("ideas.trending", SpaceKind.IDEAS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().ideas().trending(s.actor(), id, 10)),
      act("ideas.demand", SpaceKind.IDEAS, Who.STAFF_FIRST, s -> s.space().id(),
          (s, id) -> s.community().ideas().demand(s.actor(), id, 10)),
      act("ideas.history", SpaceKind.IDEAS, Who.ANYONE, s -> s.idea(0).idea().topic().id(),
          (s, id) -> s.community().ideas().history(s.actor(), id)),
      act("ideas.changeStatus", SpaceKind.IDEAS, Who.EMPLOYEES_FIRST, AccessScene::freshIdea,
          (s, id) -> s.community().ideas().changeStatus(s.actor(), id, IdeaStatus.UNDER_REVIEW, "Looking at it")),
      act("ideas.markDuplicate", SpaceKind.IDEAS, Who.EMPLOYEES_FIRST, AccessScene::ideaPair,
          (s, p) -> s.community().ideas().markDuplicate(s.actor(), p.duplicate(), p.target(), "Same idea")),
      act("ideas.undoDuplicate", SpaceKind.IDEAS, Who.EMPLOYEES_FIRST, AccessScene::mergedIdeas,
          (s, p) -> s.community().ideas().undoDuplicate(s.actor(), p.duplicate(), "Not the same after all")),
      act("ideas.votes.up", SpaceKind.IDEAS, Who.ANYONE, s -> s.idea(0).idea().topic().id(),
          (s, id) -> s.community().ideas().votes().up(s.actor(), id)),
      act("ideas.votes.down", SpaceKind.IDEAS, Who.ANYONE, s -> s.idea(1).idea().topic().id(),
          (s, id) -> s.community().ideas().votes().down(s.actor(), id)),
      act("ideas.votes.retract", SpaceKind.IDEAS, Who.ANYONE_NOTHING_TO_RETRACT, s -> s.idea(2).idea().topic().id(),
          (s, id) -> s.community().ideas().votes().retract(s.actor(), id)),
      act("ideas.votes.votesLeft", SpaceKind.IDEAS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().ideas().votes().votesLeft(s.actor(), id)),
      // Reviews
      act("reviews.write", SpaceKind.REVIEWS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().reviews().write(s.actor(), id,
              ReviewDraft.of("viewer-product", 3, "A review of the viewer", "It is fine"))),
      act("reviews.find", SpaceKind.REVIEWS, Who.ANYONE, s -> s.review(0).topic().id(),
          (s, id) -> s.community().reviews().find(s.actor(), id)),
      act("reviews.list", SpaceKind.REVIEWS, Who.ANYONE, s -> s.review(0),
          (s, r) -> s.community().reviews().list(s.actor(), ReviewListing.newest(s.space().id(), r.productId()))),
      act("reviews.rating", SpaceKind.REVIEWS, Who.ANYONE, s -> s.review(0),
          (s, r) -> s.community().reviews().rating(s.actor(), s.space().id(), r.productId())),
      act("reviews.edit", SpaceKind.REVIEWS, Who.AUTHOR_ONLY, s -> s.review(0),
          (s, r) -> s.community().reviews().edit(s.actor(), r.topic().id(), r.topic().version(), 1,
              "An edited review title", "Changed my mind")),
      act("reviews.delete", SpaceKind.REVIEWS, Who.MODERATORS, AccessScene::freshReview,
          (s, r) -> done(() -> s.community().reviews().delete(s.actor(), r.topic().id()))),
      act("reviews.reply", SpaceKind.REVIEWS, Who.EMPLOYEES_FIRST, AccessScene::freshReview,
          (s, r) -> s.community().reviews().reply(s.actor(), r.topic().id(), "Thank you for the review")),
      act("reviews.helpful", SpaceKind.REVIEWS, Who.ANYONE, s -> s.review(0).topic().id(),
          (s, id) -> s.community().reviews().helpful(s.actor(), id)),
      act("reviews.notHelpful", SpaceKind.REVIEWS, Who.ANYONE, s -> s.review(1).topic().id(),
          (s, id) -> s.community().reviews().notHelpful(s.actor(), id)),
      act("reviews.retractHelpfulness", SpaceKind.REVIEWS, Who.ANYONE_NOTHING_TO_RETRACT,
          s -> s.review(2).topic().id(), (s, id) -> s.community().reviews().retractHelpfulness(s.actor(), id)),
      // Reputation
      act("reputation.leaderboard", SpaceKind.QUESTIONS, Who.ANYONE, s -> LeaderboardScope.space(s.space().id()),
          (s, scope) -> s.community().reputation().leaderboard(s.actor(), scope, Window.ALL_TIME, 10)),
      // Insights
      act("insights.sentiment", SpaceKind.DISCUSSION, Who.STAFF_FIRST, s -> SentimentScope.space(s.space().id()),
          (s, scope) -> s.community().insights().sentiment(s.actor(), scope, FROM, UNTIL, Granularity.DAY)),
      act("insights.trend", SpaceKind.DISCUSSION, Who.STAFF_FIRST, s -> SentimentScope.space(s.space().id()),
          (s, scope) -> s.community().insights().trend(s.actor(), scope, 7)),
      act("insights.mostNegativeOpenTopics", SpaceKind.DISCUSSION, Who.STAFF_FIRST, s -> s.space().id(),
          (s, id) -> s.community().insights().mostNegativeOpenTopics(s.actor(), id, 1, 10)),
      // Moderation
      act("moderation.approve", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::pendingReply,
          (s, p) -> done(() -> s.community().moderation().approve(s.actor(), p.id()))),
      act("moderation.reject", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::pendingReply,
          (s, p) -> done(() -> s.community().moderation().reject(s.actor(), p.id(), "Off topic"))),
      act("moderation.delete", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::freshReply,
          (s, p) -> done(() -> s.community().moderation().delete(s.actor(), p.id(), "Off topic"))),
      act("moderation.edit", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::pendingReply,
          (s, p) -> s.community().moderation().edit(s.actor(), p.id(), p.version(), "A reply a moderator fixed")),
      act("moderation.dismissFlags", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::flaggedReply,
          (s, p) -> s.community().moderation().dismissFlags(s.actor(), p.id())),
      act("moderation.removeAsSpam", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::freshReply,
          (s, p) -> s.community().moderation().removeAsSpam(s.actor(), p.id())),
      act("moderation.revealAuthor", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::anonymousReply,
          (s, p) -> s.community().moderation().revealAuthor(s.actor(), p.id(), "Harassment report")),
      act("moderation.flags.flag", SpaceKind.DISCUSSION, Who.ANYONE, AccessScene::freshReply,
          (s, p) -> s.community().moderation().flags().flag(s.actor(), p.id(), FlagReason.SPAM, Optional.empty())),
      act("moderation.flags.list", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.reply(0).id(),
          (s, id) -> s.community().moderation().flags().list(s.actor(), id)),
      sees("moderation.queue.page", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.pendingReply().id(),
          (s, id) -> queue(s)),
      // Sanctions: of members, not of content; only the viewer's role matters
      act("moderation.sanctions.silence", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().moderation().sanctions().silence(s.actor(), m.memberId(), Duration.ofHours(1),
              "Shouting")),
      act("moderation.sanctions.suspend", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().moderation().sanctions().suspend(s.actor(), m.memberId(),
              Optional.of(Duration.ofHours(1)), "Spamming")),
      act("moderation.sanctions.ban", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().moderation().sanctions().ban(s.actor(), m.memberId(), "Threats")),
      act("moderation.sanctions.lift", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, AccessScene::silencedOffender,
          (s, id) -> s.community().moderation().sanctions().lift(s.actor(), id, "Served")),
      act("moderation.sanctions.history", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().moderation().sanctions().history(s.actor(), m.memberId())),
      // Members, audit and content maintenance: the viewer's role or identity decides, never a space
      act("members.export (own data)", SpaceKind.DISCUSSION, Who.SELF, s -> s.actor().memberId(),
          (s, id) -> s.community().members().export(s.actor(), id)),
      act("members.export (another's data)", SpaceKind.QUESTIONS, Who.ADMINS_FIRST, s -> s.world().helper(),
          (s, m) -> s.community().members().export(s.actor(), m.memberId())),
      act("audit.about", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().audit().about(s.actor(), m.memberId(), Optional.empty(), 10)),
      act("audit.by", SpaceKind.DISCUSSION, Who.MODERATORS_FIRST, s -> s.world().admin(),
          (s, m) -> s.community().audit().by(s.actor(), m.memberId(), Optional.empty(), 10)),
      act("content.rerenderStale", SpaceKind.DISCUSSION, Who.ADMINS_FIRST, s -> 50,
          (s, batch) -> s.community().content().rerenderStale(s.actor(), batch)),
      // CRM links and account health: for admins alone, whatever space the viewer reads
      act("crm.link", SpaceKind.DISCUSSION, Who.ADMINS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().crm().link(s.actor(), m.memberId(), "contact-otto", Optional.of("account-otto"))),
      act("crm.findLink", SpaceKind.DISCUSSION, Who.ADMINS_FIRST, s -> s.world().offender(),
          (s, m) -> s.community().crm().findLink(s.actor(), m.memberId())),
      act("crm.reportAccountHealth", SpaceKind.DISCUSSION, Who.ADMINS_FIRST, s -> 7,
          (s, days) -> s.community().crm().reportAccountHealth(s.actor(), days)),
      // Escalations
      act("escalations.setSla", SpaceKind.QUESTIONS, Who.ADMINS_FIRST, s -> s.space().id(),
          (s, id) -> done(() -> s.community().escalations().setSla(s.actor(), id, Optional.of(Duration.ofDays(365))))),
      act("escalations.sla", SpaceKind.QUESTIONS, Who.ANYONE, s -> s.space().id(),
          (s, id) -> s.community().escalations().sla(s.actor(), id)),
      act("escalations.escalate", SpaceKind.QUESTIONS, Who.STAFF, AccessScene::openQuestion,
          (s, id) -> s.community().escalations().escalate(s.actor(), id)),
      act("escalations.of", SpaceKind.QUESTIONS, Who.STAFF, s -> s.question().question(),
          (s, id) -> s.community().escalations().of(s.actor(), id)),
      act("escalations.resolve", SpaceKind.QUESTIONS, Who.STAFF_FIRST, AccessScene::escalatedQuestion,
          (s, id) -> s.community().escalations().resolve(s.actor(), id, "The support case says: restart it", false)),
      act("escalations.resolve (accepting)", SpaceKind.QUESTIONS, Who.MODERATORS_FIRST, AccessScene::escalatedQuestion,
          (s, id) -> s.community().escalations().resolve(s.actor(), id, "The support case says: reinstall", true)),
      act("escalations.deflection (one space)", SpaceKind.QUESTIONS, Who.STAFF_FIRST, s -> s.space().id(),
          (s, id) -> s.community().escalations().deflection(s.actor(), id, ALL_ALONG, FOR_EVER)),
      sees("escalations.deflection (every space)", SpaceKind.QUESTIONS, Who.STAFF_FIRST, AccessScene::loneQuestion,
          AccessOperations::counted),
      // Subscriptions: following needs a readable target; unfollowing is the member's own data, allowed anywhere so
      // that a member who lost access may still stop following
      act("subscriptions.follow (topic)", SpaceKind.DISCUSSION, Who.ANYONE,
          s -> SubscriptionTarget.topic(s.topic().topic().id()),
          (s, target) -> s.community().subscriptions().follow(s.actor(), target, WatchLevel.WATCHING)),
      act("subscriptions.follow (question)", SpaceKind.QUESTIONS, Who.ANYONE,
          s -> SubscriptionTarget.topic(s.question().question()),
          (s, target) -> s.community().subscriptions().follow(s.actor(), target, WatchLevel.MUTED)),
      act("subscriptions.follow (space)", SpaceKind.IDEAS, Who.ANYONE, s -> SubscriptionTarget.space(s.space().id()),
          (s, target) -> s.community().subscriptions().follow(s.actor(), target, WatchLevel.TRACKING)),
      act("subscriptions.unfollow", SpaceKind.DISCUSSION, Who.SELF,
          s -> SubscriptionTarget.topic(s.topic().topic().id()),
          (s, target) -> s.community().subscriptions().unfollow(s.actor(), target)),
      // Mentions: rendered only for members who may read the post's space when it is written, the CRM being up then
      sees("posts.reply (mention of the viewer)", SpaceKind.DISCUSSION, AccessScene::mentionOfViewer,
          (s, m) -> mentions(s, m.post()))
          .onlyIn(EnumSet.complementOf(EnumSet.of(AccessCase.RESTRICTED_TIER_CRM_DOWN))));

  /** @return the ids of every post in the viewer's moderation queue, page by page */
  private static List<PostId> queue(AccessScene scene) {
    List<PostId> ids = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<QueueItem> page =
          scene.community().moderation().queue().page(scene.actor(), cursor, ModerationQueue.MAX_LIMIT);
      page.items().forEach(item -> ids.add(item.post().id()));
      cursor = page.next();
    } while (cursor.isPresent());
    return ids;
  }

  /** @return the lone question, when the viewer's report over every space counts it, once */
  private static List<AccessScene.Asked> counted(AccessScene scene, AccessScene.Asked asked) {
    DeflectionReport report =
        scene.community().escalations().deflection(scene.actor(), asked.at(), asked.at().plusSeconds(1));
    return report.counts().asked() == 1 ? List.of(asked) : List.of();
  }

  /** @return the mentions the post's body, as its author reads it, marks up */
  private static List<AccessScene.Mention> mentions(AccessScene scene, PostId post) {
    String html = scene.community().posts().find(scene.world().author(), post).orElseThrow().html();
    return MENTION.matcher(html).results().map(match -> new AccessScene.Mention(post, match.group(1))).toList();
  }
}
