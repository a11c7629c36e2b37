package dev.communitysdk.spi.storage;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;

/** Stores spaces. Thread-safe; every call joins the caller's transaction. */
public interface SpaceStore {
  /**
   * @param space the space to insert
   * @return the stored space with its new id
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if a space with the slug exists
   */
  Space insert(NewSpace space);

  /** @return the space, if it exists */
  Optional<Space> find(SpaceId id);

  /** @return the space with the slug, if any */
  Optional<Space> findBySlug(String slug);

  /** @return every space, ordered by id */
  List<Space> list();
}
