package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.RateLimitStore;

/** Rate-limit counters by (member, limit, window start). Transactions are serialized, so an increment is atomic. */
final class InMemoryRateLimitStore implements RateLimitStore {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final Table<Key, Long> counters;

  InMemoryRateLimitStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.counters = new Table<>(transactor);
  }

  @Override
  public long increment(MemberId memberId, String limit, Instant windowStart) {
    Key key = Key.of(memberId, limit, windowStart);
    return transactor.inTransaction(() -> {
      References.require(members.exists(memberId), "rate counter", "member", memberId);
      long hits = counters.get(key).orElse(0L) + 1;
      counters.put(key, hits);
      return hits;
    });
  }

  @Override
  public long count(MemberId memberId, String limit, Instant windowStart) {
    Key key = Key.of(memberId, limit, windowStart);
    return transactor.inTransaction(() -> counters.get(key).orElse(0L));
  }

  /** The counter's primary key. */
  private record Key(long memberId, String limit, Instant windowStart) implements Comparable<Key> {
    static Key of(MemberId memberId, String limit, Instant windowStart) {
      requireNonNull(memberId, "memberId");
      requireNonNull(limit, "limit");
      requireNonNull(windowStart, "windowStart");
      return new Key(memberId.value(), RateLimitStore.checkLimit(limit), windowStart);
    }

    @Override
    public int compareTo(Key other) {
      int byMember = Long.compare(memberId, other.memberId);
      if (byMember != 0) {
        return byMember;
      }
      int byLimit = limit.compareTo(other.limit);
      return byLimit != 0 ? byLimit : windowStart.compareTo(other.windowStart);
    }
  }
}
