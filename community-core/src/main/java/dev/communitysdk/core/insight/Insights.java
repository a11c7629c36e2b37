package dev.communitysdk.core.insight;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.event.SentimentSpiked;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicSentiment;

/**
 * What the company reads from the community: sentiment per scope by day or week, trends, the most negative open
 * topics, and spike detection that raises an event once per scope and window. Employees, moderators and admins only;
 * a space scope also needs read access to the space. Thread-safe.
 */
public final class Insights {
  /** The longest range a series may span, in days. */
  public static final int MAX_RANGE_DAYS = 731;
  private static final int MAX_SCOPES = 10_000;
  private static final List<SentimentScopeKind> WATCHED = List.of(SentimentScopeKind.COMMUNITY,
      SentimentScopeKind.SPACE, SentimentScopeKind.TAG, SentimentScopeKind.ACCOUNT, SentimentScopeKind.PRODUCT);

  private final CommunityContext context;
  private final SpikeRules rules;
  private final SentimentTrends trends;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param rules when a rise of negative posts is a spike
   */
  public Insights(CommunityContext context, SpikeRules rules) {
    this.context = requireNonNull(context, "context");
    this.rules = requireNonNull(rules, "rules");
    this.trends = new SentimentTrends(context.store().sentiment());
  }

  /**
   * @param actor an employee, moderator or admin
   * @param scope the scope
   * @param from the first UTC day, inclusive
   * @param until the last UTC day, inclusive
   * @param granularity one bucket per day or per ISO week
   * @return the buckets that have posts, in time order
   * @throws ValidationException if the range is reversed or longer than two years (field {@code from})
   */
  public List<SentimentBucket> sentiment(Actor actor, SentimentScope scope, LocalDate from, LocalDate until,
      Granularity granularity) {
    requireNonNull(scope, "scope");
    requireNonNull(granularity, "granularity");
    checkRange(from, until);
    return context.commands().run("insights.sentiment", () -> {
      requireAnalyst(actor, scope);
      List<SentimentBucket> days = context.store().sentiment().daily(scope, from, until);
      return granularity == Granularity.DAY ? days : byWeek(days);
    });
  }

  /**
   * @param actor an employee, moderator or admin
   * @param scope the scope
   * @param days the window length: the last {@code days} UTC days, today included, against the {@code days} before
   * @return both windows' totals
   */
  public SentimentTrend trend(Actor actor, SentimentScope scope, int days) {
    requireNonNull(scope, "scope");
    int length = InputRules.pageSize("days", days, MAX_RANGE_DAYS / 2);
    return context.commands().run("insights.trend", () -> {
      requireAnalyst(actor, scope);
      return trends.trend(scope, today(), length);
    });
  }

  /**
   * @param actor an employee, moderator or admin who can read the space
   * @param spaceId the space
   * @param minPosts only topics with at least this many posts counted, 1 to 1000
   * @param limit at most this many, 1 to 100
   * @return the space's open topics, most negative mean score first
   */
  public List<NegativeTopic> mostNegativeOpenTopics(Actor actor, SpaceId spaceId, int minPosts, int limit) {
    int checkedMin = InputRules.pageSize("minPosts", minPosts, 1000);
    int checkedLimit = InputRules.pageSize("limit", limit, 100);
    return context.commands().run("insights.negative-topics", () -> {
      requireAnalyst(actor, SentimentScope.space(spaceId));
      List<TopicSentiment> rows = context.store().sentiment().mostNegativeOpenTopics(spaceId, checkedMin, checkedLimit);
      List<NegativeTopic> topics = new ArrayList<>(rows.size());
      for (TopicSentiment row : rows) {
        Topic topic = context.topic(row.topicId());
        topics.add(new NegativeTopic(context.summary(topic), row));
      }
      return topics;
    });
  }

  /**
   * Looks for spikes of negative posts in the community, every active space, tag, customer account and product, and
   * raises a {@code sentiment.spike} event for each new one. A spike is raised once per scope and window end (today,
   * UTC), however often this runs; a host calls it from its scheduler, hourly say.
   *
   * @param actor an employee, moderator or admin
   * @return the spikes raised by this call, less those of spaces the actor may not read (which are raised all the
   *     same)
   */
  public List<SentimentSpike> detectSpikes(Actor actor) {
    Member analyst = context.commands().run("insights.spikes", () -> {
      Member member = context.reader(actor);
      requireStaff(member);
      return member;
    });
    LocalDate today = today();
    LocalDate recentStart = today.minusDays(rules.recentDays() - 1L);
    LocalDate baselineStart = recentStart.minusDays(rules.baselineDays());
    List<SentimentSpike> raised = new ArrayList<>();
    for (SentimentScopeKind kind : WATCHED) {
      List<SentimentScope> scopes = context.commands().run("insights.spikes",
          () -> context.store().sentiment().activeScopes(kind, recentStart, MAX_SCOPES));
      for (SentimentScope scope : scopes) {
        // One transaction per scope: a long scan never holds locks, and one scope's failure spares the others.
        context.commands().run("insights.spike", () -> judge(scope, today, recentStart, baselineStart))
            .ifPresent(raised::add);
      }
    }
    return context.commands().run("insights.spikes", () -> {
      AccessPolicy.ReadableSpaces readable = context.policy().readable(analyst);
      return raised.stream()
          .filter(spike -> spaceOf(spike.scope()).map(id -> readable.canRead(context.space(id))).orElse(true))
          .toList();
    });
  }

  private static Optional<SpaceId> spaceOf(SentimentScope scope) {
    return scope.kind() == SentimentScopeKind.SPACE
        ? Optional.of(new SpaceId(Long.parseLong(scope.key())))
        : Optional.empty();
  }

  private Optional<SentimentSpike> judge(SentimentScope scope, LocalDate today, LocalDate recentStart,
      LocalDate baselineStart) {
    SentimentBucket recent = trends.total(scope, recentStart, today, recentStart);
    SentimentBucket baseline = trends.total(scope, baselineStart, recentStart.minusDays(1), baselineStart);
    double z = ProportionRise.z(recent, baseline);
    if (recent.posts() < rules.minPosts() || z < rules.minZ()
        || context.store().sentiment().findAlert(scope, today).isPresent()) {
      return Optional.empty();
    }
    context.store().sentiment().insertAlert(scope, today, context.commands().now());
    context.events().append(new SentimentSpiked(scope.kind().name(), scope.key(), today.toString(), recent.posts(),
        recent.negative(), baseline.posts(), baseline.negative(), z), context.commands().now());
    return Optional.of(new SentimentSpike(scope, today, recent, baseline, z));
  }

  private static List<SentimentBucket> byWeek(List<SentimentBucket> days) {
    Map<LocalDate, List<SentimentBucket>> weeks = new TreeMap<>();
    for (SentimentBucket day : days) {
      LocalDate monday = day.start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      weeks.computeIfAbsent(monday, key -> new ArrayList<>()).add(day);
    }
    List<SentimentBucket> result = new ArrayList<>(weeks.size());
    weeks.forEach((monday, week) -> result.add(SentimentTrends.sum(monday, week)));
    return result;
  }

  private void requireAnalyst(Actor actor, SentimentScope scope) {
    Member member = context.reader(actor);
    requireStaff(member);
    spaceOf(scope).ifPresent(id -> context.policy().requireRead(member, context.space(id)));
  }

  private static void requireStaff(Member member) {
    if (!AccessPolicy.isStaff(member)) {
      throw new PermissionDeniedException("insights", "only employees, moderators and admins read insights");
    }
  }

  private static void checkRange(LocalDate from, LocalDate until) {
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    if (until.isBefore(from) || ChronoUnit.DAYS.between(from, until) >= MAX_RANGE_DAYS) {
      throw new ValidationException("from", "must be on or before until, at most " + MAX_RANGE_DAYS + " days earlier",
          from + ".." + until);
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(context.commands().now(), ZoneOffset.UTC);
  }
}
