package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.SpaceStore;

/**
 * Spaces by id, with the unique index on the slug, and the explicit members of spaces keyed by (space, member), the
 * unique key. A member's memberships are found by a scan; when a member was added is not kept, since no read needs it.
 */
final class InMemorySpaceStore implements SpaceStore {
  private final InMemoryTransactor transactor;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Space> spaces;
  private final Table<String, SpaceId> bySlug;
  private final Table<Membership, Membership> memberships;

  InMemorySpaceStore(InMemoryTransactor transactor, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.members = members;
    this.spaces = new Table<>(transactor);
    this.bySlug = new Table<>(transactor);
    this.memberships = new Table<>(transactor);
  }

  @Override
  public Space insert(NewSpace space) {
    requireNonNull(space, "space");
    return transactor.inTransaction(() -> {
      if (bySlug.contains(space.slug())) {
        throw new DuplicateKeyException("cm_space(slug)");
      }
      Space stored = new Space(new SpaceId(ids.incrementAndGet()), space.slug(), space.name(), space.description(),
          space.kind(), space.visibility(), space.moderationMode(), space.allowAnonymous(), space.access(),
          space.rules(), space.createdAt());
      spaces.put(stored.id().value(), stored);
      bySlug.put(stored.slug(), stored.id());
      return stored;
    });
  }

  @Override
  public Optional<Space> find(SpaceId id) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> spaces.get(id.value()));
  }

  @Override
  public Optional<Space> findBySlug(String slug) {
    requireNonNull(slug, "slug");
    return transactor.inTransaction(() -> bySlug.get(slug).flatMap(id -> spaces.get(id.value())));
  }

  @Override
  public List<Space> list() {
    return transactor.inTransaction(() -> List.copyOf(spaces.rows()));
  }

  @Override
  public void addMember(SpaceId spaceId, MemberId memberId, Instant at) {
    requireNonNull(at, "at");
    Membership key = Membership.of(spaceId, memberId);
    transactor.run(() -> {
      if (memberships.contains(key)) {
        throw new DuplicateKeyException("cm_space_member(space_id, member_id)");
      }
      References.require(exists(spaceId), "space member", "space", spaceId);
      References.require(members.exists(memberId), "space member", "member", memberId);
      memberships.put(key, key);
    });
  }

  @Override
  public boolean removeMember(SpaceId spaceId, MemberId memberId) {
    Membership key = Membership.of(spaceId, memberId);
    return transactor.inTransaction(() -> memberships.remove(key));
  }

  @Override
  public boolean isMember(SpaceId spaceId, MemberId memberId) {
    Membership key = Membership.of(spaceId, memberId);
    return transactor.inTransaction(() -> memberships.contains(key));
  }

  @Override
  public Set<MemberId> membersAmong(SpaceId spaceId, Collection<MemberId> among) {
    requireNonNull(spaceId, "spaceId");
    Set<MemberId> wanted = new LinkedHashSet<>(requireNonNull(among, "among"));
    if (wanted.isEmpty()) {
      return Set.of();
    }
    PageLimit.check(wanted.size(), MAX_PAGE);
    return transactor.inTransaction(() -> wanted.stream()
        .filter(memberId -> memberships.contains(Membership.of(spaceId, memberId)))
        .collect(Collectors.toCollection(HashSet::new)));
  }

  @Override
  public Set<SpaceId> memberships(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return transactor.inTransaction(() -> memberships.rows().stream()
        .filter(key -> key.memberId() == memberId.value())
        .map(key -> new SpaceId(key.spaceId()))
        .collect(Collectors.toCollection(HashSet::new)));
  }

  @Override
  public List<MemberId> members(SpaceId spaceId, Optional<MemberId> after, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    Membership from = new Membership(spaceId.value(), after.map(MemberId::value).orElse(Long.MIN_VALUE));
    Membership to = new Membership(spaceId.value() + 1, Long.MIN_VALUE);
    return transactor.inTransaction(() -> memberships.range(from, to).stream()
        .filter(key -> after.isEmpty() || key.memberId() > after.get().value())
        .limit(limit)
        .map(key -> new MemberId(key.memberId()))
        .toList());
  }

  /** @return whether the space exists; only for reference checks made inside a transaction */
  boolean exists(SpaceId id) {
    return spaces.contains(id.value());
  }

  /** The primary key of {@code cm_space_member}, ordered by space then member. */
  private record Membership(long spaceId, long memberId) implements Comparable<Membership> {
    static Membership of(SpaceId spaceId, MemberId memberId) {
      return new Membership(requireNonNull(spaceId, "spaceId").value(), requireNonNull(memberId, "memberId").value());
    }

    @Override
    public int compareTo(Membership other) {
      int bySpace = Long.compare(spaceId, other.spaceId);
      return bySpace != 0 ? bySpace : Long.compare(memberId, other.memberId);
    }
  }
}
