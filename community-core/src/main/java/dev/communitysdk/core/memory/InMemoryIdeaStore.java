package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.AccountVotes;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaQuery;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.IdeaStatusChange;
import dev.communitysdk.spi.model.IdeaTrend;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.IdeaStore;
import dev.communitysdk.spi.storage.PageLimit;

/**
 * Ideas by topic id, their votes in an {@link IdeaVoteTable}, and their status changes keyed by (idea, append
 * sequence). A status change keeps its response's source, HTML and render version; the sentiment of an official
 * response is not kept. Vote counters that would go below zero are refused, as a database's check constraint would.
 * Listings, trends and vote counts scan every idea or vote of the store: fine for a reference.
 */
final class InMemoryIdeaStore implements IdeaStore {
  private static final int MAX_VOTER_PAGE = 1000;

  private final InMemoryTransactor transactor;
  private final InMemoryTopicStore topics;
  private final InMemoryMemberStore members;
  private final Table<Long, Idea> ideas;
  private final IdeaVoteTable votes;
  private final AtomicLong sequence = new AtomicLong();
  private final Table<HistoryKey, IdeaStatusChange> history;

  InMemoryIdeaStore(InMemoryTransactor transactor, InMemoryTopicStore topics, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.topics = topics;
    this.members = members;
    this.ideas = new Table<>(transactor);
    this.votes = new IdeaVoteTable(transactor);
    this.history = new Table<>(transactor);
  }

  @Override
  public Idea insert(TopicId topicId, SpaceId spaceId, Instant createdAt) {
    requireNonNull(topicId, "topicId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(createdAt, "createdAt");
    return transactor.inTransaction(() -> {
      if (ideas.contains(topicId.value())) {
        throw new DuplicateKeyException("cm_idea(topic_id)");
      }
      References.require(topics.exists(topicId), "idea", "topic", topicId);
      Idea stored = new Idea(topicId, spaceId, IdeaStatus.NEW, 0, 0, Optional.empty(), createdAt, createdAt);
      ideas.put(topicId.value(), stored);
      return stored;
    });
  }

  @Override
  public Optional<Idea> find(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> ideas.get(topicId.value()));
  }

  @Override
  public Optional<Idea> lock(TopicId topicId) {
    // Transactions here are serialized, so the caller's transaction already holds every row until it ends.
    return find(topicId);
  }

  @Override
  public List<Idea> findAll(Collection<TopicId> topicIds) {
    requireNonNull(topicIds, "topicIds");
    return transactor.inTransaction(() -> topicIds.stream().distinct()
        .flatMap(id -> ideas.get(id.value()).stream())
        .toList());
  }

  @Override
  public boolean updateStatus(TopicId topicId, IdeaStatus status, Optional<TopicId> mergedInto, Instant at) {
    requireNonNull(status, "status");
    requireNonNull(mergedInto, "mergedInto");
    requireNonNull(at, "at");
    return update(topicId, i -> copy(i, status, mergedInto, at, i.upVotes(), i.downVotes()));
  }

  @Override
  public boolean addVotes(TopicId topicId, long upDelta, long downDelta) {
    return update(topicId, i -> withVotes(i, i.upVotes() + upDelta, i.downVotes() + downDelta));
  }

  @Override
  public boolean setVotes(TopicId topicId, VoteTally tally) {
    requireNonNull(tally, "tally");
    return update(topicId, i -> withVotes(i, tally.up(), tally.down()));
  }

  @Override
  public void insertVote(IdeaVote vote) {
    requireNonNull(vote, "vote");
    transactor.run(() -> {
      References.require(ideas.contains(vote.topicId().value()), "idea vote", "idea", vote.topicId());
      References.require(members.exists(vote.voterId()), "idea vote", "member", vote.voterId());
      votes.insert(vote);
    });
  }

  @Override
  public Optional<IdeaVote> findVote(TopicId topicId, MemberId voterId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(voterId, "voterId");
    return transactor.inTransaction(() -> votes.findActive(topicId, voterId));
  }

  @Override
  public List<IdeaVote> findVotesByVoter(MemberId voterId, Collection<TopicId> topicIds) {
    requireNonNull(voterId, "voterId");
    requireNonNull(topicIds, "topicIds");
    return transactor.inTransaction(() -> topicIds.stream().distinct()
        .flatMap(topicId -> votes.findActive(topicId, voterId).stream())
        .toList());
  }

  @Override
  public List<IdeaVote> listVotesByVoter(MemberId voterId, Optional<TopicId> after, int limit) {
    requireNonNull(voterId, "voterId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_VOTER_PAGE);
    long afterId = after.map(TopicId::value).orElse(0L);
    return transactor.inTransaction(() -> votes.byVoter(voterId, afterId).limit(limit).toList());
  }

  @Override
  public List<MemberId> listVoters(TopicId topicId, Optional<MemberId> after, int limit) {
    requireNonNull(topicId, "topicId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_VOTER_PAGE);
    long afterId = after.map(MemberId::value).orElse(0L);
    return transactor.inTransaction(() -> votes.activeOn(topicId)
        .map(IdeaVote::voterId)
        .filter(voter -> voter.value() > afterId)
        .limit(limit)
        .toList());
  }

  @Override
  public boolean updateVote(IdeaVote vote) {
    requireNonNull(vote, "vote");
    return transactor.inTransaction(() -> votes.update(vote));
  }

  @Override
  public boolean deleteVote(TopicId topicId, MemberId voterId) {
    requireNonNull(topicId, "topicId");
    requireNonNull(voterId, "voterId");
    return transactor.inTransaction(() -> votes.delete(topicId, voterId));
  }

  @Override
  public VoteTally tally(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> {
      List<IdeaVote> active = votes.activeOn(topicId).toList();
      long up = active.stream().filter(v -> v.direction() == VoteDirection.UP).count();
      return new VoteTally(up, active.size() - up);
    });
  }

  @Override
  public void mergeVotes(TopicId source, TopicId target) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    transactor.run(() -> votes.merge(source, target, ideas.contains(target.value())));
  }

  @Override
  public void unmergeVotes(TopicId source, TopicId target) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    transactor.run(() -> votes.unmerge(source, target));
  }

  @Override
  public long countVotes(MemberId voterId, SpaceId spaceId, Set<IdeaStatus> statuses) {
    requireNonNull(voterId, "voterId");
    requireNonNull(spaceId, "spaceId");
    requireNonNull(statuses, "statuses");
    return transactor.inTransaction(() -> votes.active()
        .filter(v -> v.voterId().equals(voterId))
        .filter(v -> isIn(v.topicId(), spaceId, statuses))
        .count());
  }

  @Override
  public List<IdeaTrend> trending(SpaceId spaceId, Set<IdeaStatus> statuses, Instant since, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(statuses, "statuses");
    requireNonNull(since, "since");
    PageLimit.check(limit, TopicQuery.MAX_LIMIT);
    Comparator<IdeaTrend> mostFirst = Comparator.comparingLong(IdeaTrend::recentVotes)
        .thenComparingLong(t -> t.topicId().value())
        .reversed();
    return transactor.inTransaction(() -> votes.active()
        .filter(v -> v.direction() == VoteDirection.UP && !v.castAt().isBefore(since))
        .filter(v -> isIn(v.topicId(), spaceId, statuses))
        .collect(Collectors.groupingBy(IdeaVote::topicId, Collectors.counting()))
        .entrySet().stream()
        .map(e -> new IdeaTrend(e.getKey(), e.getValue()))
        .sorted(mostFirst)
        .limit(limit)
        .toList());
  }

  @Override
  public List<Idea> list(IdeaQuery query) {
    requireNonNull(query, "query");
    Keyset<Idea> listing = new Keyset<>(query.order()::rankOf, i -> i.topicId().value());
    return transactor.inTransaction(() -> listing.page(ideas.rows().stream()
        .filter(i -> i.spaceId().equals(query.spaceId()) && query.statuses().contains(i.status())),
        query.after(), query.limit()));
  }

  @Override
  public List<AccountVotes> accountVotes(Collection<TopicId> topicIds) {
    requireNonNull(topicIds, "topicIds");
    return transactor.inTransaction(() -> accountVotes(topicIds.stream()));
  }

  @Override
  public List<AccountVotes> accountVotes(SpaceId spaceId, Set<IdeaStatus> statuses) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(statuses, "statuses");
    return transactor.inTransaction(() -> accountVotes(ideas.rows().stream()
        .filter(i -> i.spaceId().equals(spaceId) && statuses.contains(i.status()))
        .map(Idea::topicId)));
  }

  @Override
  public void insertStatusChange(IdeaStatusChange change) {
    requireNonNull(change, "change");
    PostContent response = change.response();
    IdeaStatusChange kept = new IdeaStatusChange(change.topicId(), change.from(), change.to(),
        new PostContent(response.source(), response.html(), response.renderVersion(), Optional.empty()),
        change.changedBy(), change.changedAt(), change.duplicateOf());
    transactor.run(() -> {
      References.require(ideas.contains(change.topicId().value()), "idea status change", "idea", change.topicId());
      References.require(members.exists(change.changedBy()), "idea status change", "member", change.changedBy());
      history.put(new HistoryKey(change.topicId().value(), sequence.incrementAndGet()), kept);
    });
  }

  @Override
  public List<IdeaStatusChange> history(TopicId topicId) {
    requireNonNull(topicId, "topicId");
    // The range is in append order, and a stable sort keeps that order among changes made at the same time.
    return transactor.inTransaction(() -> history
        .range(new HistoryKey(topicId.value(), 0), new HistoryKey(topicId.value() + 1, 0)).stream()
        .sorted(Comparator.comparing(IdeaStatusChange::changedAt))
        .toList());
  }

  /** @return the active up votes with an account on the ideas, counted per idea and account, in id order */
  private List<AccountVotes> accountVotes(Stream<TopicId> topicIds) {
    return topicIds.map(TopicId::value).distinct().sorted()
        .flatMap(id -> {
          TopicId topicId = new TopicId(id);
          Map<String, Long> byAccount = votes.activeOn(topicId)
              .filter(v -> v.direction() == VoteDirection.UP)
              .flatMap(v -> v.accountId().stream())
              .collect(Collectors.groupingBy(account -> account, TreeMap::new, Collectors.counting()));
          return byAccount.entrySet().stream().map(e -> new AccountVotes(topicId, e.getKey(), e.getValue()));
        })
        .toList();
  }

  /** @return whether the idea exists in the space, in one of the statuses */
  private boolean isIn(TopicId topicId, SpaceId spaceId, Set<IdeaStatus> statuses) {
    return ideas.get(topicId.value())
        .filter(i -> i.spaceId().equals(spaceId) && statuses.contains(i.status()))
        .isPresent();
  }

  private boolean update(TopicId topicId, UnaryOperator<Idea> change) {
    requireNonNull(topicId, "topicId");
    return transactor.inTransaction(() -> ideas.update(topicId.value(), i -> true, change));
  }

  /** @throws StorageException if a counter would go below zero */
  private static Idea withVotes(Idea idea, long upVotes, long downVotes) {
    if (upVotes < 0 || downVotes < 0) {
      throw new StorageException("idea " + idea.topicId().value() + " would have fewer than no votes: " + upVotes
          + " up, " + downVotes + " down", null);
    }
    return copy(idea, idea.status(), idea.mergedInto(), idea.statusChangedAt(), upVotes, downVotes);
  }

  /** The one place an idea row is rebuilt, so that no update can forget a component. */
  private static Idea copy(
      Idea idea, IdeaStatus status, Optional<TopicId> mergedInto, Instant statusChangedAt, long upVotes,
      long downVotes) {
    return new Idea(idea.topicId(), idea.spaceId(), status, upVotes, downVotes, mergedInto, statusChangedAt,
        idea.createdAt());
  }

  /** A status change's key: the idea, then the order changes were appended in. */
  private record HistoryKey(long topicId, long sequence) implements Comparable<HistoryKey> {
    @Override
    public int compareTo(HistoryKey other) {
      int byTopic = Long.compare(topicId, other.topicId);
      return byTopic != 0 ? byTopic : Long.compare(sequence, other.sequence);
    }
  }
}
