package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.storage.SpaceStore;

/** Spaces by id, with the unique index on the slug. */
final class InMemorySpaceStore implements SpaceStore {
  private final InMemoryTransactor transactor;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Space> spaces;
  private final Table<String, SpaceId> bySlug;

  InMemorySpaceStore(InMemoryTransactor transactor) {
    this.transactor = transactor;
    this.spaces = new Table<>(transactor);
    this.bySlug = new Table<>(transactor);
  }

  @Override
  public Space insert(NewSpace space) {
    requireNonNull(space, "space");
    return transactor.inTransaction(() -> {
      if (bySlug.contains(space.slug())) {
        throw new DuplicateKeyException("cm_space(slug)");
      }
      Space stored = new Space(new SpaceId(ids.incrementAndGet()), space.slug(), space.name(), space.description(),
          space.kind(), space.visibility(), space.moderationMode(), space.allowAnonymous(), space.accessRoles(),
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

  /** @return whether the space exists; only for reference checks made inside a transaction */
  boolean exists(SpaceId id) {
    return spaces.contains(id.value());
  }
}
