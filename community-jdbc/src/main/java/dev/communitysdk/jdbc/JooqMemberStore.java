package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_MEMBER;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmMemberRecord;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.storage.MemberStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Members in {@code cm_member}. */
final class JooqMemberStore implements MemberStore {
  private final JooqTransactor tx;

  JooqMemberStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Member insert(NewMember member) {
    requireNonNull(member, "member");
    Instant createdAt = Times.truncate(member.createdAt());
    MemberProfile profile = member.profile();
    long id = tx.call("insert member cm_member(external_id, handle)", dsl -> dsl.insertInto(CM_MEMBER)
        .set(CM_MEMBER.EXTERNAL_ID, member.externalId())
        .set(CM_MEMBER.DISPLAY_NAME, profile.displayName())
        .set(CM_MEMBER.EMAIL, profile.email().orElse(null))
        .set(CM_MEMBER.ROLES, Columns.roles(profile.roles()))
        .set(CM_MEMBER.CUSTOMER_ACCOUNT_ID, profile.customerAccountId().orElse(null))
        .set(CM_MEMBER.LOCALE, profile.locale().orElse(null))
        .set(CM_MEMBER.STATUS, MemberStatus.ACTIVE.name())
        .set(CM_MEMBER.REPUTATION, member.initialReputation())
        .set(CM_MEMBER.CREATED_AT, createdAt)
        .set(CM_MEMBER.HANDLE, member.handle())
        .returningResult(CM_MEMBER.ID)
        .fetchSingle()
        .value1());
    return new Member(new MemberId(id), member.externalId(), profile, MemberStatus.ACTIVE, member.initialReputation(),
        createdAt, member.handle());
  }

  @Override
  public Optional<Member> find(MemberId id) {
    requireNonNull(id, "id");
    return tx.call("find member", dsl -> dsl.selectFrom(CM_MEMBER)
        .where(CM_MEMBER.ID.eq(id.value()))
        .fetchOptional(JooqMemberStore::toMember));
  }

  @Override
  public Optional<Member> findByExternalId(String externalId) {
    requireNonNull(externalId, "externalId");
    return tx.call("find member by external id", dsl -> dsl.selectFrom(CM_MEMBER)
        .where(CM_MEMBER.EXTERNAL_ID.eq(externalId))
        .fetchOptional(JooqMemberStore::toMember));
  }

  @Override
  public List<Member> findAll(Collection<MemberId> ids) {
    requireNonNull(ids, "ids");
    Set<Long> keys = ids.stream().map(MemberId::value).collect(Collectors.toSet());
    if (keys.isEmpty()) {
      return List.of();
    }
    return tx.call("find members", dsl -> dsl.selectFrom(CM_MEMBER)
        .where(CM_MEMBER.ID.in(keys))
        .fetch(JooqMemberStore::toMember));
  }

  @Override
  public List<Member> findByHandles(Collection<String> handles) {
    requireNonNull(handles, "handles");
    Set<String> keys = Set.copyOf(handles);
    if (keys.isEmpty()) {
      return List.of();
    }
    return tx.call("find members by handle", dsl -> dsl.selectFrom(CM_MEMBER)
        .where(CM_MEMBER.HANDLE.in(keys))
        .fetch(JooqMemberStore::toMember));
  }

  @Override
  public boolean updateProfile(MemberId id, MemberProfile profile) {
    requireNonNull(id, "id");
    requireNonNull(profile, "profile");
    return tx.call("update member profile", dsl -> dsl.update(CM_MEMBER)
        .set(CM_MEMBER.DISPLAY_NAME, profile.displayName())
        .set(CM_MEMBER.EMAIL, profile.email().orElse(null))
        .set(CM_MEMBER.ROLES, Columns.roles(profile.roles()))
        .set(CM_MEMBER.CUSTOMER_ACCOUNT_ID, profile.customerAccountId().orElse(null))
        .set(CM_MEMBER.LOCALE, profile.locale().orElse(null))
        .where(CM_MEMBER.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public boolean updateStatus(MemberId id, MemberStatus status) {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    return tx.call("update member status", dsl -> dsl.update(CM_MEMBER)
        .set(CM_MEMBER.STATUS, status.name())
        .where(CM_MEMBER.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public boolean rebind(MemberId id, String externalId, String handle) {
    requireNonNull(id, "id");
    requireNonNull(externalId, "externalId");
    requireNonNull(handle, "handle");
    return tx.call("rebind member", dsl -> dsl.update(CM_MEMBER)
        .set(CM_MEMBER.EXTERNAL_ID, externalId)
        .set(CM_MEMBER.HANDLE, handle)
        .where(CM_MEMBER.ID.eq(id.value()))
        .execute()) == 1;
  }

  /** {@code SELECT ... FOR UPDATE}, which H2, PostgreSQL and MariaDB all hold until the transaction ends. */
  @Override
  public Optional<Long> reputationForUpdate(MemberId id) {
    requireNonNull(id, "id");
    return tx.call("lock member reputation", dsl -> dsl.select(CM_MEMBER.REPUTATION)
        .from(CM_MEMBER)
        .where(CM_MEMBER.ID.eq(id.value()))
        .forUpdate()
        .fetchOptional(r -> r.value1()));
  }

  @Override
  public Optional<Long> addReputation(MemberId id, long delta) {
    requireNonNull(id, "id");
    return tx.call("add member reputation", dsl -> {
      int updated = dsl.update(CM_MEMBER)
          .set(CM_MEMBER.REPUTATION, CM_MEMBER.REPUTATION.plus(delta))
          .where(CM_MEMBER.ID.eq(id.value()))
          .execute();
      return Counters.readBack(dsl, updated, CM_MEMBER.REPUTATION, CM_MEMBER.ID, id.value());
    });
  }

  private static Member toMember(CmMemberRecord r) {
    MemberProfile profile = new MemberProfile(
        r.getDisplayName(),
        Optional.ofNullable(r.getEmail()),
        Columns.roles(r.getRoles(), "cm_member.roles"),
        Optional.ofNullable(r.getCustomerAccountId()),
        Optional.ofNullable(r.getLocale()));
    return new Member(
        new MemberId(r.getId()),
        r.getExternalId(),
        profile,
        Columns.enumValue(MemberStatus.class, r.getStatus(), "cm_member.status"),
        r.getReputation(),
        r.getCreatedAt(),
        r.getHandle());
  }
}
