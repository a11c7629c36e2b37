package dev.communitysdk.core.reputation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.core.member.Members;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.model.LeaderboardRow;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;

/**
 * Reputation as members and the company read it: standings, leaderboards backed by the ledger, a member's history,
 * and the maintenance that rebuilds totals from the ledger. Thread-safe.
 */
public final class Reputation {
  /** The longest leaderboard. */
  public static final int MAX_LEADERBOARD = 100;
  private static final int PAGE = 500;

  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Reputation(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * @param actor the reader
   * @param memberId a member
   * @return the member's reputation, level and badges
   * @throws NotFoundException if the member does not exist
   */
  public Standing standing(Actor actor, MemberId memberId) {
    return context.commands().run("reputation.standing", () -> {
      context.reader(actor);
      Member member = context.store().members().find(memberId)
          .orElseThrow(() -> new NotFoundException("member", memberId));
      return new Standing(AuthorRef.of(member, false), member.reputation(), Level.of(member.reputation()),
          context.store().badges().list(memberId));
    });
  }

  /**
   * The members who gained most reputation in a scope over a window.
   *
   * @param actor the reader; a space scope needs read access to the space
   * @param scope the whole community, a space or a tag
   * @param window all time, or the last 7 or 30 days
   * @param limit at most this many lines, 1 to 100
   * @return the board, top first
   */
  public List<LeaderboardEntry> leaderboard(Actor actor, LeaderboardScope scope, Window window, int limit) {
    requireNonNull(scope, "scope");
    requireNonNull(window, "window");
    int checkedLimit = InputRules.pageSize("limit", limit, MAX_LEADERBOARD);
    scope.tag().ifPresent(tag -> InputRules.tags(List.of(tag)));
    return context.commands().run("reputation.leaderboard", () -> {
      Member reader = context.reader(actor);
      scope.spaceId().ifPresent(id -> context.policy().requireRead(reader, context.space(id)));
      Optional<Instant> since = window.length().map(length -> context.commands().now().minus(length));
      List<LeaderboardRow> rows = context.store().reputation().leaderboard(scope, since, checkedLimit);
      Map<MemberId, Member> members = context.members(rows.stream().map(LeaderboardRow::memberId).toList());
      List<LeaderboardEntry> board = new ArrayList<>(rows.size());
      for (LeaderboardRow row : rows) {
        board.add(new LeaderboardEntry(board.size() + 1, CommunityContext.author(members, row.memberId(), false),
            row.gained()));
      }
      return board;
    });
  }

  /**
   * A member's ledger, oldest first. Members read their own; moderators read anyone's. An entry about content in a
   * space the reader may not read (a private space they were removed from, say) keeps its delta, reason and time, but
   * not what it points at: its space, topic, post, tags and the member who caused it are left out.
   *
   * @param actor the member, or a moderator
   * @param memberId whose history
   * @param afterId the last entry id of the previous page, if any
   * @param limit the page size, 1 to 500
   * @return the entries
   */
  public List<ReputationEntry> history(Actor actor, MemberId memberId, Optional<Long> afterId, int limit) {
    int checkedLimit = InputRules.pageSize("limit", limit, PAGE);
    return context.commands().run("reputation.history", () -> {
      Member reader = context.reader(actor);
      if (!reader.id().equals(memberId)) {
        context.policy().requireModerator(reader, "reputation.history");
      }
      List<ReputationEntry> entries = hideAnonymousCausers(
          context.store().reputation().list(memberId, afterId, checkedLimit));
      AccessPolicy.ReadableSpaces readable = context.policy().readable(reader);
      Map<SpaceId, Boolean> readableById = new HashMap<>();
      return entries.stream()
          .map(entry -> entry.spaceId()
              .filter(id -> !readableById.computeIfAbsent(id,
                  key -> context.store().spaces().find(key).map(readable::canRead).orElse(false)))
              .map(id -> withoutContent(entry))
              .orElse(entry))
          .toList();
    });
  }

  private static ReputationEntry withoutContent(ReputationEntry entry) {
    return new ReputationEntry(entry.id(), entry.memberId(), entry.delta(), entry.reason(), entry.reversal(),
        entry.sourceKey(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        entry.at());
  }

  /**
   * An entry caused by the author of anonymous content (an anonymous asker accepting an answer) names nobody as its
   * cause, so that a member's history never links anonymous content to its author.
   */
  private List<ReputationEntry> hideAnonymousCausers(List<ReputationEntry> entries) {
    List<TopicId> topicIds = entries.stream().flatMap(entry -> entry.topicId().stream()).distinct().toList();
    Map<TopicId, Topic> anonymous = context.store().topics().findAll(topicIds).stream()
        .filter(Topic::anonymous)
        .collect(Collectors.toMap(Topic::id, Function.identity()));
    return entries.stream().map(entry -> {
      Topic topic = entry.topicId().map(anonymous::get).orElse(null);
      if (topic == null || !entry.causedBy().equals(Optional.of(topic.authorId()))) {
        return entry;
      }
      return new ReputationEntry(entry.id(), entry.memberId(), entry.delta(), entry.reason(), entry.reversal(),
          entry.sourceKey(), Optional.empty(), entry.spaceId(), entry.topicId(), entry.postId(), entry.tags(),
          entry.at());
    }).toList();
  }

  /**
   * Rebuilds every member's total from the ledger and reports the totals that had drifted. Each page of members is
   * its own transaction, so a large community does not hold one long transaction.
   *
   * @param actor an admin
   * @return what was checked and corrected
   */
  public RecomputeReport recompute(Actor actor) {
    context.commands().run("reputation.recompute", () -> {
      context.policy().requireAdmin(context.acting(actor, "reputation.recompute"), "reputation.recompute");
      return null;
    });
    List<RecomputeReport.Drift> drifts = new ArrayList<>();
    int checked = 0;
    Optional<MemberId> after = Optional.empty();
    while (true) {
      Optional<MemberId> from = after;
      List<MemberTotal> totals = context.commands().run("reputation.recompute",
          () -> context.store().reputation().totals(from, PAGE));
      if (totals.isEmpty()) {
        break;
      }
      for (MemberTotal total : totals) {
        context.commands().run("reputation.recompute", () -> {
          long stored = context.store().members().reputationForUpdate(total.memberId()).orElseThrow();
          long fromLedger = Members.INITIAL_REPUTATION + total.ledgerSum();
          if (stored == fromLedger) {
            return Optional.<RecomputeReport.Drift>empty();
          }
          context.store().members().addReputation(total.memberId(), fromLedger - stored);
          return Optional.of(new RecomputeReport.Drift(total.memberId(), stored, fromLedger));
        }).ifPresent(drifts::add);
      }
      checked += totals.size();
      after = Optional.of(totals.get(totals.size() - 1).memberId());
    }
    return new RecomputeReport(checked, drifts);
  }
}
