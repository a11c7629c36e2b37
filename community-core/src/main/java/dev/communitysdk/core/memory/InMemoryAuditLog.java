package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewAuditEntry;
import dev.communitysdk.spi.storage.AuditLog;
import dev.communitysdk.spi.storage.PageLimit;

/** Audit entries by id; listings scan the log newest first. */
final class InMemoryAuditLog implements AuditLog {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, AuditEntry> entries;

  InMemoryAuditLog(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.entries = new Table<>(transactor);
  }

  @Override
  public AuditEntry append(NewAuditEntry entry) {
    requireNonNull(entry, "entry");
    return transactor.inTransaction(() -> {
      References.require(members.exists(entry.actorId()), "audit entry", "member", entry.actorId());
      entry.subjectId().ifPresent(
          subject -> References.require(members.exists(subject), "audit entry", "member", subject));
      AuditEntry stored = new AuditEntry(ids.incrementAndGet(), entry.actorId(), entry.action(), entry.subjectId(),
          entry.targetType(), entry.targetId(), entry.detail(), entry.at());
      entries.put(stored.id(), stored);
      return stored;
    });
  }

  @Override
  public List<AuditEntry> listBySubject(MemberId subjectId, Optional<Long> beforeId, int limit) {
    requireNonNull(subjectId, "subjectId");
    Optional<MemberId> subject = Optional.of(subjectId);
    return newestFirst(entry -> entry.subjectId().equals(subject), beforeId, limit);
  }

  @Override
  public List<AuditEntry> listByActor(MemberId actorId, Optional<Long> beforeId, int limit) {
    requireNonNull(actorId, "actorId");
    return newestFirst(entry -> entry.actorId().equals(actorId), beforeId, limit);
  }

  @Override
  public boolean redact(long id, String detail) {
    requireNonNull(detail, "detail");
    return transactor.inTransaction(() -> entries.update(id, entry -> true, entry -> new AuditEntry(entry.id(),
        entry.actorId(), entry.action(), entry.subjectId(), entry.targetType(), entry.targetId(), detail,
        entry.at())));
  }

  private List<AuditEntry> newestFirst(Predicate<AuditEntry> filter, Optional<Long> beforeId, int limit) {
    requireNonNull(beforeId, "beforeId");
    PageLimit.check(limit, MAX_LIMIT);
    long before = beforeId.orElse(Long.MAX_VALUE);
    return transactor.inTransaction(() -> entries.before(before).stream().filter(filter).limit(limit).toList());
  }
}
