package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.BadgeStore;

/**
 * Awards keyed by (member, badge, subject): the unique key, and an order that keeps one member's awards together. Each
 * award remembers its insertion sequence, which breaks ties between awards of the same instant as an id would.
 */
final class InMemoryBadgeStore implements BadgeStore {
  private static final Comparator<Stored> OLDEST_FIRST =
      Comparator.<Stored, Instant>comparing(s -> s.award().awardedAt()).thenComparingLong(Stored::sequence);

  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong sequence = new AtomicLong();
  private final Table<Key, Stored> awards;

  InMemoryBadgeStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.awards = new Table<>(transactor);
  }

  @Override
  public void insert(BadgeAward award) {
    requireNonNull(award, "award");
    transactor.run(() -> {
      Key key = new Key(award.memberId().value(), award.badge(), award.subject());
      if (awards.contains(key)) {
        throw new DuplicateKeyException("cm_badge_award(member_id, badge, subject)");
      }
      References.require(members.exists(award.memberId()), "badge award", "member", award.memberId());
      awards.put(key, new Stored(award, sequence.incrementAndGet()));
    });
  }

  @Override
  public Optional<BadgeAward> find(MemberId memberId, String badge, String subject) {
    requireNonNull(memberId, "memberId");
    requireNonNull(badge, "badge");
    requireNonNull(subject, "subject");
    return transactor.inTransaction(() -> awards.get(new Key(memberId.value(), badge, subject)).map(Stored::award));
  }

  @Override
  public List<BadgeAward> list(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    // The smallest key of the member: no badge id is blank, and "" sorts before every other string.
    Key first = new Key(memberId.value(), "", "");
    return transactor.inTransaction(() -> awards.after(first).stream()
        .takeWhile(s -> s.award().memberId().equals(memberId))
        .sorted(OLDEST_FIRST)
        .map(Stored::award)
        .toList());
  }

  /** An award with the order it was inserted in. */
  private record Stored(BadgeAward award, long sequence) {}

  /** The unique key, member first so that one member's awards form one range. */
  private record Key(long memberId, String badge, String subject) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byMember = Long.compare(memberId, other.memberId);
      if (byMember != 0) {
        return byMember;
      }
      int byBadge = badge.compareTo(other.badge);
      return byBadge != 0 ? byBadge : subject.compareTo(other.subject);
    }
  }
}
