package dev.communitysdk.core.memory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.TopicId;

/**
 * The vote rows of ideas keyed by (idea, voter): the primary key over active and inactive rows alike, and an order
 * that keeps one idea's votes together. Every read sees active rows only; deletes, merges and their undo see all.
 * Callers check references and run inside a transaction.
 */
final class IdeaVoteTable {
  private final Table<Key, Row> rows;

  IdeaVoteTable(InMemoryTransactor transactor) {
    this.rows = new Table<>(transactor);
  }

  /** @throws DuplicateKeyException if the voter has a row, active or not, on the idea */
  void insert(IdeaVote vote) {
    Key key = Key.of(vote.topicId(), vote.voterId());
    if (rows.contains(key)) {
      throw new DuplicateKeyException("cm_idea_vote(topic_id, voter_id)");
    }
    rows.put(key, new Row(vote, true));
  }

  Optional<IdeaVote> findActive(TopicId topicId, MemberId voterId) {
    return rows.get(Key.of(topicId, voterId)).filter(Row::active).map(Row::vote);
  }

  /** @return the idea's active votes, by voter id */
  Stream<IdeaVote> activeOn(TopicId topicId) {
    return rowsOf(topicId).stream().filter(Row::active).map(Row::vote);
  }

  /** @return every vote of the voter, active or not, on ideas with ids above {@code afterTopic}, by idea id */
  Stream<IdeaVote> byVoter(MemberId voterId, long afterTopic) {
    return rows.from(new Key(afterTopic + 1, Long.MIN_VALUE)).stream()
        .map(Row::vote)
        .filter(vote -> vote.voterId().equals(voterId));
  }

  /** @return every active vote of every idea */
  Stream<IdeaVote> active() {
    return rows.rows().stream().filter(Row::active).map(Row::vote);
  }

  /**
   * Replaces direction, account and time of the voter's active vote; where it was merged from stays.
   *
   * @return whether an active vote existed
   */
  boolean update(IdeaVote vote) {
    return rows.update(Key.of(vote.topicId(), vote.voterId()), Row::active, row -> new Row(new IdeaVote(
        vote.topicId(), vote.voterId(), vote.direction(), vote.accountId(), vote.castAt(), row.vote().mergedFrom()),
        true));
  }

  /** @return whether a row, active or not, was deleted */
  boolean delete(TopicId topicId, MemberId voterId) {
    return rows.remove(Key.of(topicId, voterId));
  }

  /**
   * Copies each active source vote whose voter has no row on the target to the target, then deactivates every source
   * row.
   *
   * @param targetExists whether the target idea exists: copies onto a missing idea are refused, as the database's
   *     foreign key would refuse them, and a merge that copies nothing checks nothing
   */
  void merge(TopicId source, TopicId target, boolean targetExists) {
    // Copied out first: writing the target's rows while walking the source's range would disturb the walk.
    List<Row> sourceRows = List.copyOf(rowsOf(source));
    List<IdeaVote> copies = sourceRows.stream()
        .filter(Row::active)
        .map(Row::vote)
        .filter(vote -> !rows.contains(Key.of(target, vote.voterId())))
        .map(vote -> new IdeaVote(target, vote.voterId(), vote.direction(), vote.accountId(), vote.castAt(),
            Optional.of(source)))
        .toList();
    if (!copies.isEmpty()) {
      References.require(targetExists, "idea vote", "idea", target);
    }
    copies.forEach(copy -> rows.put(Key.of(target, copy.voterId()), new Row(copy, true)));
    sourceRows.forEach(row -> rows.put(Key.of(source, row.vote().voterId()), new Row(row.vote(), false)));
  }

  /** Deletes the target's rows merged from the source, active or not, and reactivates every source row. */
  void unmerge(TopicId source, TopicId target) {
    List<Row> targetRows = List.copyOf(rowsOf(target));
    targetRows.stream()
        .filter(row -> row.vote().mergedFrom().equals(Optional.of(source)))
        .forEach(row -> rows.remove(Key.of(target, row.vote().voterId())));
    List<Row> sourceRows = List.copyOf(rowsOf(source));
    sourceRows.forEach(row -> rows.put(Key.of(source, row.vote().voterId()), new Row(row.vote(), true)));
  }

  private Collection<Row> rowsOf(TopicId topicId) {
    return rows.range(new Key(topicId.value(), Long.MIN_VALUE), new Key(topicId.value() + 1, Long.MIN_VALUE));
  }

  /** A vote and whether it counts for its idea. */
  private record Row(IdeaVote vote, boolean active) {}

  /** The primary key, idea first so that one idea's votes form one range. */
  private record Key(long topicId, long voterId) implements Comparable<Key> {
    static Key of(TopicId topicId, MemberId voterId) {
      return new Key(topicId.value(), voterId.value());
    }

    @Override
    public int compareTo(Key other) {
      int byTopic = Long.compare(topicId, other.topicId);
      return byTopic != 0 ? byTopic : Long.compare(voterId, other.voterId);
    }
  }
}
