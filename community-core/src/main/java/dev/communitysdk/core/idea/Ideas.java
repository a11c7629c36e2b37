package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.event.IdeaEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.core.internal.CustomerProfiles;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.core.topic.Topics;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.AccountVotes;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaQuery;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.IdeaStatusChange;
import dev.communitysdk.spi.model.IdeaTrend;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;

/**
 * Ideas in {@code IDEAS} spaces: propose, read, list (top, by status, recently shipped, trending), move along the
 * roadmap with official responses, merge duplicates (and undo a merge), and report demand weighted by the CRM's
 * account weights. Votes are {@link IdeaVoting}'s. Every method takes the acting member first and checks access and
 * input before any storage call; every command is one transaction. Thread-safe.
 */
public final class Ideas {
  /** How far back {@link #trending} counts votes. */
  public static final Duration TRENDING_WINDOW = Duration.ofDays(7);

  private final CommunityContext context;
  private final Topics topics;
  private final CustomerProfiles profiles;
  private final IdeaVoting voting;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param topics the topics service, which starts an idea's thread
   * @param profiles the CRM's customer profiles, for weighted demand
   */
  public Ideas(CommunityContext context, Topics topics, CustomerProfiles profiles) {
    this.context = requireNonNull(context, "context");
    this.topics = requireNonNull(topics, "topics");
    this.profiles = requireNonNull(profiles, "profiles");
    this.voting = new IdeaVoting(context);
  }

  /**
   * Proposes an idea: a topic in an ideas space, {@code NEW} and open for votes once published (under
   * pre-moderation, when a moderator approves it).
   *
   * @param actor the member proposing it
   * @param spaceId an ideas space
   * @param draft title, description, tags
   * @return the new idea's page
   * @throws ConflictException if the space does not hold ideas (rule {@code space.kind})
   */
  public IdeaView propose(Actor actor, SpaceId spaceId, TopicDraft draft) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(draft, "draft");
    return context.commands().run("idea.propose", () -> {
      Member author = context.acting(actor, "idea.propose");
      context.space(author, spaceId, SpaceKind.IDEAS);
      TopicId topicId = topics.start(actor, spaceId, draft).topic().id();
      return view(author, context.topic(topicId));
    });
  }

  /** @return votes on ideas: up, down, retract, votes left under a budget */
  public IdeaVoting votes() {
    return voting;
  }

  /**
   * @param actor the reader
   * @param topicId an idea
   * @return the idea's page: its votes, the reader's vote, the latest official response and, for staff, the accounts
   *     behind it
   * @throws NotFoundException if the idea does not exist, is not published, or the reader may not read its space
   */
  public IdeaView find(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return context.commands().run("idea.find", () -> {
      Member reader = context.reader(actor);
      return view(reader, IdeaTopics.readable(context, reader, topicId));
    });
  }

  /**
   * Moves an idea along the roadmap ({@link IdeaWorkflow}) with an official response.
   *
   * @param actor an employee or admin
   * @param topicId the idea
   * @param to the new status; not {@code DUPLICATE} (use {@link #markDuplicate})
   * @param response the official response in Markdown, 1 to 50,000 characters
   * @return the idea's page
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is neither employee nor admin
   * @throws ConflictException if the workflow does not allow the step (rule {@code idea.transition})
   * @throws dev.communitysdk.spi.error.ValidationException if the response is blank or too long (field
   *     {@code response})
   */
  public IdeaView changeStatus(Actor actor, TopicId topicId, IdeaStatus to, String response) {
    requireNonNull(topicId, "topicId");
    requireNonNull(to, "to");
    PostContent statement = context.composer().statement("response", response);
    return context.commands().run("idea.status", () -> {
      Member staff = context.acting(actor, "idea.status");
      context.policy().requireEmployee(staff, "idea.status");
      Topic topic = IdeaTopics.readable(context, staff, topicId);
      Idea idea = IdeaTopics.lock(context, topicId);
      if (to == IdeaStatus.DUPLICATE) {
        throw new ConflictException("idea.transition", "an idea becomes DUPLICATE only by markDuplicate, which names"
            + " the idea it duplicates");
      }
      if (!IdeaWorkflow.allows(idea.status(), to)) {
        throw new ConflictException("idea.transition", "idea " + topicId + " cannot move from " + idea.status()
            + " to " + to + "; allowed: " + IdeaWorkflow.next(idea.status()));
      }
      record(staff, topic, idea.status(), to, statement, Optional.empty(), Optional.empty());
      return view(staff, topic);
    });
  }

  /**
   * Marks an idea a duplicate of another: its votes move to the target (a member who voted on both counts once), the
   * two are linked, and voting on the duplicate closes. Undo with {@link #undoDuplicate}.
   *
   * @param actor an employee or admin
   * @param duplicateId the idea to merge
   * @param targetId the idea it duplicates, open for votes
   * @param response the official response in Markdown
   * @return the target idea's page
   * @throws ConflictException if the two are one idea or in different spaces (rule {@code idea.merge}), the merge would
   *     close a cycle (rule {@code idea.merge.cycle}), the duplicate is not open for votes or the target is not
   *     (rule {@code idea.merge.status})
   */
  public IdeaView markDuplicate(Actor actor, TopicId duplicateId, TopicId targetId, String response) {
    requireNonNull(duplicateId, "duplicateId");
    requireNonNull(targetId, "targetId");
    PostContent statement = context.composer().statement("response", response);
    return context.commands().run("idea.merge", () -> {
      Member staff = context.acting(actor, "idea.merge");
      context.policy().requireEmployee(staff, "idea.merge");
      if (duplicateId.equals(targetId)) {
        throw new ConflictException("idea.merge", "idea " + duplicateId + " cannot be merged into itself");
      }
      Topic duplicateTopic = IdeaTopics.readable(context, staff, duplicateId);
      Topic targetTopic = IdeaTopics.readable(context, staff, targetId);
      if (!duplicateTopic.spaceId().equals(targetTopic.spaceId())) {
        throw new ConflictException("idea.merge", "ideas " + duplicateId + " and " + targetId
            + " live in different spaces");
      }
      Map<TopicId, Idea> locked = IdeaTopics.lockInOrder(context, duplicateId, targetId);
      Idea duplicate = locked.get(duplicateId);
      Idea target = locked.get(targetId);
      requireNoCycle(duplicateId, target);
      if (!duplicate.status().votingOpen() || !target.status().votingOpen()) {
        throw new ConflictException("idea.merge.status", "only open ideas merge: idea " + duplicateId + " is "
            + duplicate.status() + ", idea " + targetId + " is " + target.status());
      }
      context.store().ideas().mergeVotes(duplicateId, targetId);
      long targetVotes = IdeaTopics.recount(context, targetTopic);
      IdeaTopics.recount(context, duplicateTopic);
      Instant now = record(staff, duplicateTopic, duplicate.status(), IdeaStatus.DUPLICATE, statement,
          Optional.of(targetId), Optional.of(targetId));
      context.events().append(
          new IdeaEvent.Merged(duplicateId.value(), targetId.value(), targetVotes, staff.id().value()), now);
      return view(staff, targetTopic);
    });
  }

  /**
   * Undoes a merge: the duplicate gets its votes back and returns to the status it had before, and the target loses
   * the votes it received (a member who had voted on both keeps their own vote there).
   *
   * @param actor an employee or admin
   * @param duplicateId an idea marked duplicate
   * @param response the official response in Markdown
   * @return the former duplicate's page
   * @throws ConflictException if the idea is not a duplicate (rule {@code idea.transition}), or its target has since
   *     been merged into another idea (rule {@code idea.merge.order}: undo that merge first)
   */
  public IdeaView undoDuplicate(Actor actor, TopicId duplicateId, String response) {
    requireNonNull(duplicateId, "duplicateId");
    PostContent statement = context.composer().statement("response", response);
    return context.commands().run("idea.unmerge", () -> {
      Member staff = context.acting(actor, "idea.unmerge");
      context.policy().requireEmployee(staff, "idea.unmerge");
      Topic duplicateTopic = IdeaTopics.readable(context, staff, duplicateId);
      Idea duplicate = IdeaTopics.lock(context, duplicateId);
      TopicId targetId = duplicate.mergedInto().filter(t -> duplicate.status() == IdeaStatus.DUPLICATE)
          .orElseThrow(() -> new ConflictException("idea.transition", "idea " + duplicateId + " is "
              + duplicate.status() + ", not a duplicate"));
      Idea target = IdeaTopics.lockInOrder(context, duplicateId, targetId).get(targetId);
      if (target.status() == IdeaStatus.DUPLICATE) {
        throw new ConflictException("idea.merge.order", "idea " + targetId + " was itself merged into "
            + target.mergedInto().map(TopicId::toString).orElse("another idea") + "; undo that merge first");
      }
      IdeaStatus before = statusBeforeMerge(duplicateId);
      context.store().ideas().unmergeVotes(duplicateId, targetId);
      Topic targetTopic = context.topic(targetId);
      long votes = IdeaTopics.recount(context, duplicateTopic);
      long targetVotes = IdeaTopics.recount(context, targetTopic);
      Instant now = record(staff, duplicateTopic, IdeaStatus.DUPLICATE, before, statement, Optional.empty(),
          Optional.of(targetId));
      context.events().append(new IdeaEvent.MergeUndone(duplicateId.value(), targetId.value(), votes, targetVotes,
          staff.id().value()), now);
      return view(staff, context.topic(duplicateId));
    });
  }

  /**
   * @param actor the reader
   * @param topicId an idea
   * @return every status change with its official response, oldest first
   */
  public List<OfficialResponse> history(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return context.commands().run("idea.history", () -> {
      Member reader = context.reader(actor);
      IdeaTopics.readable(context, reader, topicId);
      List<IdeaStatusChange> changes = context.store().ideas().history(topicId);
      Map<MemberId, Member> staff = context.members(changes.stream().map(IdeaStatusChange::changedBy).toList());
      return changes.stream().map(change -> response(change, staff)).toList();
    });
  }

  /**
   * One page of a space's ideas.
   *
   * @param actor the reader
   * @param listing space, order, statuses, cursor, page size
   * @return the page and the cursor of the next one
   * @throws NotFoundException if the space does not exist or the reader may not read it
   * @throws dev.communitysdk.spi.error.ValidationException if the statuses are empty, or the cursor or page size is
   *     invalid
   */
  public Page<IdeaSummary> list(Actor actor, IdeaListing listing) {
    requireNonNull(listing, "listing");
    int limit = InputRules.pageSize("limit", listing.limit(), IdeaListing.MAX_LIMIT);
    if (listing.statuses().isEmpty()) {
      throw new ValidationException("statuses", "must name at least one status", "[]");
    }
    String cursorName = "IDEAS_" + listing.order().name();
    Optional<ListingCursor> after = listing.cursor().map(token -> Cursors.decodeListing(cursorName, token));
    return context.commands().run("idea.list", () -> {
      Member reader = context.reader(actor);
      context.space(reader, listing.spaceId(), SpaceKind.IDEAS);
      List<Idea> rows = context.store().ideas()
          .list(new IdeaQuery(listing.spaceId(), listing.order(), listing.statuses(), after, limit + 1));
      List<Idea> page = rows.subList(0, Math.min(limit, rows.size()));
      Optional<String> next = Cursors.next(cursorName, rows, limit, listing.order()::rankOf,
          idea -> idea.topicId().value());
      return new Page<>(summaries(page), next);
    });
  }

  /**
   * @param actor the reader
   * @param spaceId an ideas space
   * @param limit at most this many, 1 to {@link IdeaListing#MAX_LIMIT}
   * @return open ideas by up votes received in the last {@link #TRENDING_WINDOW}, most first
   */
  public List<TrendingIdea> trending(Actor actor, SpaceId spaceId, int limit) {
    requireNonNull(spaceId, "spaceId");
    int checkedLimit = InputRules.pageSize("limit", limit, IdeaListing.MAX_LIMIT);
    return context.commands().run("idea.trending", () -> {
      Member reader = context.reader(actor);
      context.space(reader, spaceId, SpaceKind.IDEAS);
      Instant since = context.commands().now().minus(TRENDING_WINDOW);
      List<IdeaTrend> trends = context.store().ideas().trending(spaceId, IdeaListing.open(), since, checkedLimit);
      Map<TopicId, IdeaSummary> ideas = summaries(context.store().ideas()
          .findAll(trends.stream().map(IdeaTrend::topicId).toList())).stream()
          .collect(Collectors.toMap(summary -> summary.topic().id(), Function.identity()));
      return trends.stream()
          .filter(trend -> ideas.containsKey(trend.topicId()))
          .map(trend -> new TrendingIdea(ideas.get(trend.topicId()), trend.recentVotes()))
          .toList();
    });
  }

  /**
   * The product manager's report: the space's open ideas ranked by the summed CRM weight of the customer accounts
   * whose members voted them up, each account counted once. Accounts the CRM does not know weigh 0. The CRM is asked
   * outside the transaction, through the profile cache.
   *
   * @param actor an employee, moderator or admin
   * @param spaceId an ideas space
   * @param limit at most this many ideas, 1 to {@link IdeaListing#MAX_LIMIT}
   * @return ideas with at least one backing account, by weighted demand descending, then votes, then newest
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not staff
   */
  public List<IdeaDemand> demand(Actor actor, SpaceId spaceId, int limit) {
    requireNonNull(spaceId, "spaceId");
    int checkedLimit = InputRules.pageSize("limit", limit, IdeaListing.MAX_LIMIT);
    record Backed(List<AccountVotes> votes, Map<TopicId, IdeaSummary> ideas) {}
    Backed backed = context.commands().run("idea.demand", () -> {
      Member reader = context.reader(actor);
      if (!AccessPolicy.isStaff(reader)) {
        throw new PermissionDeniedException("idea.demand",
            "only employees, moderators and admins read demand reports");
      }
      context.space(reader, spaceId, SpaceKind.IDEAS);
      List<AccountVotes> votes = context.store().ideas().accountVotes(spaceId, IdeaListing.open());
      List<Idea> ideas = context.store().ideas().findAll(votes.stream().map(AccountVotes::topicId).distinct().toList());
      return new Backed(votes, summaries(ideas).stream()
          .collect(Collectors.toMap(summary -> summary.topic().id(), Function.identity())));
    });
    Map<TopicId, List<AccountVotes>> byIdea = backed.votes().stream()
        .filter(votes -> backed.ideas().containsKey(votes.topicId()))
        .collect(Collectors.groupingBy(AccountVotes::topicId));
    return byIdea.entrySet().stream()
        .map(entry -> demandOf(backed.ideas().get(entry.getKey()), entry.getValue()))
        .sorted(Comparator.comparingDouble(IdeaDemand::weightedDemand).reversed()
            .thenComparing(demand -> demand.idea().votes(), Comparator.reverseOrder())
            .thenComparing(demand -> demand.idea().topic().id().value(), Comparator.reverseOrder()))
        .limit(checkedLimit)
        .toList();
  }

  private IdeaDemand demandOf(IdeaSummary idea, List<AccountVotes> votes) {
    List<AccountDemand> accounts = votes.stream()
        .map(account -> {
          Optional<CustomerProfile> profile = profiles.of(account.accountId());
          return new AccountDemand(account.accountId(), profile.map(CustomerProfile::tier),
              profile.map(CustomerProfile::weight).orElse(0.0), account.votes());
        })
        .sorted(Comparator.comparingDouble(AccountDemand::weight).reversed()
            .thenComparing(AccountDemand::accountId))
        .toList();
    return new IdeaDemand(idea, accounts.stream().mapToDouble(AccountDemand::weight).sum(), accounts);
  }

  private Instant record(Member staff, Topic topic, IdeaStatus from, IdeaStatus to, PostContent statement,
      Optional<TopicId> mergedInto, Optional<TopicId> duplicateOf) {
    Instant now = context.commands().now();
    context.store().ideas().updateStatus(topic.id(), to, mergedInto, now);
    context.store().ideas().insertStatusChange(
        new IdeaStatusChange(topic.id(), from, to, statement, staff.id(), now, duplicateOf));
    context.events().append(new IdeaEvent.StatusChanged(topic.id().value(), topic.spaceId().value(), from.name(),
        to.name(), statement.html(), staff.id().value(), duplicateOf.map(TopicId::value).orElse(null)), now);
    return now;
  }

  private void requireNoCycle(TopicId duplicateId, Idea target) {
    Idea step = target;
    while (step.status() == IdeaStatus.DUPLICATE && step.mergedInto().isPresent()) {
      TopicId next = step.mergedInto().get();
      if (next.equals(duplicateId)) {
        throw new ConflictException("idea.merge.cycle", "idea " + target.topicId() + " was merged into idea "
            + duplicateId + ", directly or through others; merging back would close a cycle");
      }
      step = context.store().ideas().find(next).orElseThrow(() -> new NotFoundException("idea", next));
    }
  }

  private IdeaStatus statusBeforeMerge(TopicId duplicateId) {
    List<IdeaStatusChange> history = context.store().ideas().history(duplicateId);
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).to() == IdeaStatus.DUPLICATE) {
        return history.get(i).from();
      }
    }
    return IdeaStatus.NEW;
  }

  private IdeaView view(Member reader, Topic topic) {
    Idea idea = context.store().ideas().find(topic.id()).or(() -> awaitingApproval(topic))
        .orElseThrow(() -> new NotFoundException("idea", topic.id()));
    IdeaSummary summary = IdeaSummary.of(context.summary(topic), idea);
    var myVote = context.store().ideas().findVote(topic.id(), reader.id()).map(vote -> vote.direction());
    List<IdeaStatusChange> history = context.store().ideas().history(topic.id());
    Optional<OfficialResponse> latest = history.isEmpty()
        ? Optional.empty()
        : Optional.of(response(history.get(history.size() - 1),
            context.members(List.of(history.get(history.size() - 1).changedBy()))));
    List<IdeaBacking> backing = AccessPolicy.isStaff(reader)
        ? context.store().ideas().accountVotes(List.of(topic.id())).stream()
            .map(votes -> new IdeaBacking(votes.accountId(), votes.votes()))
            .sorted(Comparator.comparingLong(IdeaBacking::voters).reversed().thenComparing(IdeaBacking::accountId))
            .toList()
        : List.of();
    return new IdeaView(summary, myVote, latest, backing);
  }

  /** An idea held for a moderator has no idea state yet; its author sees it as it will start. */
  private static Optional<Idea> awaitingApproval(Topic topic) {
    return topic.status() == TopicStatus.PENDING
        ? Optional.of(new Idea(topic.id(), topic.spaceId(), IdeaStatus.NEW, 0, 0, Optional.empty(),
            topic.createdAt(), topic.createdAt()))
        : Optional.empty();
  }

  private OfficialResponse response(IdeaStatusChange change, Map<MemberId, Member> staff) {
    String html = context.composer().rerendered(change.response(), Set.of()).orElse(change.response()).html();
    return new OfficialResponse(change.from(), change.to(), html, change.response().source(),
        CommunityContext.author(staff, change.changedBy(), false), change.changedAt(), change.duplicateOf());
  }

  private List<IdeaSummary> summaries(List<Idea> ideas) {
    Map<TopicId, Topic> byId = context.store().topics().findAll(ideas.stream().map(Idea::topicId).toList()).stream()
        .filter(topic -> topic.status() != TopicStatus.PENDING && topic.status() != TopicStatus.DELETED)
        .collect(Collectors.toMap(Topic::id, Function.identity()));
    Map<MemberId, Member> authors = context.members(byId.values().stream().map(Topic::authorId).toList());
    return ideas.stream()
        .filter(idea -> byId.containsKey(idea.topicId()))
        .map(idea -> {
          Topic topic = byId.get(idea.topicId());
          TopicSummary summary = TopicSummary.of(topic,
              CommunityContext.author(authors, topic.authorId(), topic.anonymous()));
          return IdeaSummary.of(summary, idea);
        })
        .toList();
  }
}
