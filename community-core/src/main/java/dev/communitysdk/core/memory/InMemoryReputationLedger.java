package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.ExpertiseRow;
import dev.communitysdk.spi.model.LeaderboardRow;
import dev.communitysdk.spi.model.LeaderboardScope;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberTotal;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.ReputationLedger;

/**
 * Entries keyed by (member, id): one member's entries form one range in append order, which is what totals, sums and
 * member listings read. Leaderboards and expertise scan the whole ledger: fine for a reference, which keeps no
 * rollups that could drift from the entries they summarize.
 */
final class InMemoryReputationLedger implements ReputationLedger {
  private static final int MAX_PAGE = 1000;

  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Key, ReputationEntry> entries;
  private final Table<SourceKey, Long> bySource;

  InMemoryReputationLedger(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.entries = new Table<>(transactor);
    this.bySource = new Table<>(transactor);
  }

  @Override
  public ReputationEntry append(NewReputationEntry entry) {
    requireNonNull(entry, "entry");
    return transactor.inTransaction(() -> {
      SourceKey source = new SourceKey(entry.memberId().value(), entry.sourceKey());
      if (bySource.contains(source)) {
        throw new DuplicateKeyException("cm_reputation_entry(member_id, source_key)");
      }
      // Members are never deleted, only erased, so their entries can always point at them. Content may go away
      // while the ledger keeps its history, so space, topic and post are kept as plain values.
      References.require(members.exists(entry.memberId()), "reputation entry", "member", entry.memberId());
      entry.causedBy().ifPresent(
          causer -> References.require(members.exists(causer), "reputation entry", "member", causer));
      ReputationEntry stored = new ReputationEntry(ids.incrementAndGet(), entry.memberId(), entry.delta(),
          entry.reason(), entry.reversal(), entry.sourceKey(), entry.causedBy(), entry.spaceId(), entry.topicId(),
          entry.postId(), entry.tags(), entry.at());
      entries.put(new Key(stored.memberId().value(), stored.id()), stored);
      bySource.put(source, stored.id());
      return stored;
    });
  }

  @Override
  public long net(MemberId memberId, PostId postId, MemberId causedBy, ReputationReason reason) {
    requireNonNull(memberId, "memberId");
    requireNonNull(postId, "postId");
    requireNonNull(causedBy, "causedBy");
    requireNonNull(reason, "reason");
    Optional<PostId> post = Optional.of(postId);
    Optional<MemberId> causer = Optional.of(causedBy);
    return sumOf(memberId,
        e -> e.reason() == reason && e.postId().equals(post) && e.causedBy().equals(causer));
  }

  @Override
  public long sum(MemberId memberId, Set<ReputationReason> reasons, Instant from, Instant until) {
    requireNonNull(memberId, "memberId");
    requireNonNull(reasons, "reasons");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    Set<ReputationReason> counted = Set.copyOf(reasons);
    return sumOf(memberId,
        e -> counted.contains(e.reason()) && !e.at().isBefore(from) && e.at().isBefore(until));
  }

  @Override
  public List<ReputationEntry> list(MemberId memberId, Optional<Long> afterId, int limit) {
    requireNonNull(memberId, "memberId");
    requireNonNull(afterId, "afterId");
    checkLimit(limit);
    long after = afterId.orElse(0L);
    return transactor.inTransaction(() -> entriesOf(memberId, after).limit(limit).toList());
  }

  @Override
  public List<LeaderboardRow> leaderboard(LeaderboardScope scope, Optional<Instant> since, int limit) {
    requireNonNull(scope, "scope");
    requireNonNull(since, "since");
    checkLimit(limit);
    Predicate<ReputationEntry> inScope = e -> scope.spaceId().map(s -> e.spaceId().equals(Optional.of(s)))
        .or(() -> scope.tag().map(t -> e.tags().contains(t)))
        .orElse(true);
    Predicate<ReputationEntry> inWindow = e -> since.map(s -> !e.at().isBefore(s)).orElse(true);
    return transactor.inTransaction(() -> {
      Map<MemberId, Long> gains = new HashMap<>();
      for (ReputationEntry e : entries.rows()) {
        if (inScope.test(e) && inWindow.test(e)) {
          gains.merge(e.memberId(), e.delta(), Long::sum);
        }
      }
      return gains.entrySet().stream()
          .filter(g -> g.getValue() > 0)
          .map(g -> new LeaderboardRow(g.getKey(), g.getValue()))
          .sorted(Comparator.comparingLong(LeaderboardRow::gained).reversed()
              .thenComparingLong(r -> r.memberId().value()))
          .limit(limit)
          .toList();
    });
  }

  @Override
  public List<ExpertiseRow> experts(Collection<String> tags, int limit) {
    requireNonNull(tags, "tags");
    checkLimit(limit);
    Set<String> wanted = Set.copyOf(tags);
    return transactor.inTransaction(() -> {
      Map<MemberId, long[]> counts = new HashMap<>();
      for (ReputationEntry e : entries.rows()) {
        // An entry counts once, however many of the wanted tags its topic carried.
        if (e.tags().stream().noneMatch(wanted::contains)) {
          continue;
        }
        int slot = switch (e.reason()) {
          case ANSWER_ACCEPTED -> 0;
          case POST_UPVOTED -> 1;
          default -> -1;
        };
        if (slot >= 0) {
          counts.computeIfAbsent(e.memberId(), m -> new long[2])[slot] += e.reversal() ? -1 : 1;
        }
      }
      return counts.entrySet().stream()
          .map(c -> new ExpertiseRow(c.getKey(), c.getValue()[0], c.getValue()[1]))
          .filter(r -> r.acceptedAnswers() > 0 || r.upvotes() > 0)
          .sorted(Comparator.comparingLong(ExpertiseRow::acceptedAnswers).reversed()
              .thenComparing(Comparator.comparingLong(ExpertiseRow::upvotes).reversed())
              .thenComparingLong(r -> r.memberId().value()))
          .limit(limit)
          .toList();
    });
  }

  @Override
  public List<MemberTotal> totals(Optional<MemberId> after, int limit) {
    requireNonNull(after, "after");
    checkLimit(limit);
    // Every entry id is positive, so (member, MAX) sits after all of the member's entries.
    Key from = new Key(after.map(MemberId::value).orElse(0L), Long.MAX_VALUE);
    return transactor.inTransaction(() -> {
      List<MemberTotal> page = new ArrayList<>();
      long member = 0;
      long total = 0;
      for (ReputationEntry e : entries.after(from)) {
        if (e.memberId().value() != member) {
          if (member != 0) {
            page.add(new MemberTotal(new MemberId(member), total));
            if (page.size() == limit) {
              return page;
            }
          }
          member = e.memberId().value();
          total = 0;
        }
        total += e.delta();
      }
      if (member != 0) {
        page.add(new MemberTotal(new MemberId(member), total));
      }
      return page;
    });
  }

  private long sumOf(MemberId memberId, Predicate<ReputationEntry> counted) {
    return transactor.inTransaction(() -> entriesOf(memberId, 0).filter(counted)
        .mapToLong(ReputationEntry::delta)
        .sum());
  }

  /** @return the member's entries with ids above {@code afterId}, in id order; read inside a transaction */
  private Stream<ReputationEntry> entriesOf(MemberId memberId, long afterId) {
    // Ids are positive, so an afterId below 1 starts at the member's first entry, as SQL's "id > x" would.
    return entries.after(new Key(memberId.value(), Math.max(afterId, 0))).stream()
        .takeWhile(e -> e.memberId().equals(memberId));
  }

  private static void checkLimit(int limit) {
    PageLimit.check(limit, MAX_PAGE);
  }

  /** The primary key, member first so that one member's entries form one range in append order. */
  private record Key(long memberId, long id) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byMember = Long.compare(memberId, other.memberId);
      return byMember != 0 ? byMember : Long.compare(id, other.id);
    }
  }

  /** The unique key that makes appending the same cause twice impossible. */
  private record SourceKey(long memberId, String sourceKey) implements Comparable<SourceKey> {
    @Override
    public int compareTo(SourceKey other) {
      int byMember = Long.compare(memberId, other.memberId);
      return byMember != 0 ? byMember : sourceKey.compareTo(other.sourceKey);
    }
  }
}
