package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSanction;
import dev.communitysdk.spi.model.Sanction;
import dev.communitysdk.spi.model.SanctionId;
import dev.communitysdk.spi.storage.SanctionStore;

/** Sanctions by id, in the order they were imposed. */
final class InMemorySanctionStore implements SanctionStore {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Sanction> sanctions;

  InMemorySanctionStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.sanctions = new Table<>(transactor);
  }

  @Override
  public Sanction insert(NewSanction sanction) {
    requireNonNull(sanction, "sanction");
    return transactor.inTransaction(() -> {
      References.require(members.exists(sanction.memberId()), "sanction", "member", sanction.memberId());
      References.require(members.exists(sanction.moderatorId()), "sanction", "member", sanction.moderatorId());
      Sanction stored = new Sanction(new SanctionId(ids.incrementAndGet()), sanction.memberId(), sanction.kind(),
          sanction.reason(), sanction.moderatorId(), sanction.startsAt(), sanction.endsAt(), Optional.empty(),
          Optional.empty(), Optional.empty());
      sanctions.put(stored.id().value(), stored);
      return stored;
    });
  }

  @Override
  public List<Sanction> active(MemberId memberId, Instant at) {
    requireNonNull(memberId, "memberId");
    requireNonNull(at, "at");
    return transactor.inTransaction(() -> sanctions.rows().stream()
        .filter(s -> s.memberId().equals(memberId) && s.activeAt(at))
        .toList());
  }

  @Override
  public int lift(MemberId memberId, MemberId liftedBy, String reason, Instant at) {
    requireNonNull(liftedBy, "liftedBy");
    requireNonNull(reason, "reason");
    return transactor.inTransaction(() -> {
      References.require(members.exists(liftedBy), "sanction", "member", liftedBy);
      List<Sanction> lifted = active(memberId, at);
      lifted.forEach(s -> sanctions.put(s.id().value(), new Sanction(s.id(), s.memberId(), s.kind(), s.reason(),
          s.moderatorId(), s.startsAt(), s.endsAt(), Optional.of(liftedBy), Optional.of(at), Optional.of(reason))));
      return lifted.size();
    });
  }

  @Override
  public List<Sanction> list(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> sanctions.rows().stream()
        .filter(s -> s.memberId().equals(memberId))
        .sorted(Comparator.comparingLong((Sanction s) -> s.id().value()).reversed())
        .toList());
  }
}
