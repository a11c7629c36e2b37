package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.storage.MemberStore;

/** Members by id, with the unique indexes on the external id and the handle. */
final class InMemoryMemberStore implements MemberStore {
  private final InMemoryTransactor transactor;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Member> members;
  private final Table<String, MemberId> byExternalId;
  private final Table<String, MemberId> byHandle;

  InMemoryMemberStore(InMemoryTransactor transactor) {
    this.transactor = transactor;
    this.members = new Table<>(transactor);
    this.byExternalId = new Table<>(transactor);
    this.byHandle = new Table<>(transactor);
  }

  @Override
  public Member insert(NewMember member) {
    requireNonNull(member, "member");
    return transactor.inTransaction(() -> {
      if (byExternalId.contains(member.externalId())) {
        throw new DuplicateKeyException("cm_member(external_id)");
      }
      if (byHandle.contains(member.handle())) {
        throw new DuplicateKeyException("cm_member(handle)");
      }
      Member stored = new Member(new MemberId(ids.incrementAndGet()), member.externalId(), member.profile(),
          MemberStatus.ACTIVE, member.initialReputation(), member.createdAt(), member.handle());
      members.put(stored.id().value(), stored);
      byExternalId.put(stored.externalId(), stored.id());
      byHandle.put(stored.handle(), stored.id());
      return stored;
    });
  }

  @Override
  public Optional<Member> find(MemberId id) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> members.get(id.value()));
  }

  @Override
  public Optional<Member> findByExternalId(String externalId) {
    requireNonNull(externalId, "externalId");
    return transactor.inTransaction(() -> byExternalId.get(externalId).flatMap(id -> members.get(id.value())));
  }

  @Override
  public List<Member> findAll(Collection<MemberId> ids) {
    requireNonNull(ids, "ids");
    return transactor.inTransaction(() -> new LinkedHashSet<>(ids).stream()
        .flatMap(id -> members.get(id.value()).stream())
        .toList());
  }

  @Override
  public List<Member> findByHandles(Collection<String> handles) {
    requireNonNull(handles, "handles");
    return transactor.inTransaction(() -> new LinkedHashSet<>(handles).stream()
        .flatMap(handle -> byHandle.get(handle).flatMap(id -> members.get(id.value())).stream())
        .toList());
  }

  @Override
  public boolean updateProfile(MemberId id, MemberProfile profile) {
    requireNonNull(profile, "profile");
    return update(id, m -> new Member(m.id(), m.externalId(), profile, m.status(), m.reputation(), m.createdAt(),
        m.handle()));
  }

  @Override
  public boolean updateStatus(MemberId id, MemberStatus status) {
    requireNonNull(status, "status");
    return update(id, m -> new Member(m.id(), m.externalId(), m.profile(), status, m.reputation(), m.createdAt(),
        m.handle()));
  }

  @Override
  public boolean rebind(MemberId id, String externalId, String handle) {
    requireNonNull(id, "id");
    requireNonNull(externalId, "externalId");
    requireNonNull(handle, "handle");
    return transactor.inTransaction(() -> {
      Optional<Member> current = members.get(id.value());
      if (current.isEmpty()) {
        return false;
      }
      Member member = current.get();
      if (!member.externalId().equals(externalId) && byExternalId.contains(externalId)) {
        throw new DuplicateKeyException("cm_member(external_id)");
      }
      if (!member.handle().equals(handle) && byHandle.contains(handle)) {
        throw new DuplicateKeyException("cm_member(handle)");
      }
      Member rebound = new Member(id, externalId, member.profile(), member.status(), member.reputation(),
          member.createdAt(), handle);
      byExternalId.remove(member.externalId());
      byHandle.remove(member.handle());
      byExternalId.put(externalId, id);
      byHandle.put(handle, id);
      members.put(id.value(), rebound);
      return true;
    });
  }

  @Override
  public Optional<Long> reputationForUpdate(MemberId id) {
    requireNonNull(id, "id");
    // Transactions here are serialized, so the caller's transaction already holds every row until it ends.
    return transactor.inTransaction(() -> members.get(id.value()).map(Member::reputation));
  }

  @Override
  public Optional<Long> addReputation(MemberId id, long delta) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> {
      update(id, m -> new Member(m.id(), m.externalId(), m.profile(), m.status(), m.reputation() + delta,
          m.createdAt(), m.handle()));
      return members.get(id.value()).map(Member::reputation);
    });
  }

  /** @return whether the member exists; only for reference checks made inside a transaction */
  boolean exists(MemberId id) {
    return members.contains(id.value());
  }

  private boolean update(MemberId id, UnaryOperator<Member> change) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> members.update(id.value(), m -> true, change));
  }

}
