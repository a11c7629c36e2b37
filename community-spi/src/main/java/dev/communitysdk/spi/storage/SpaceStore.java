package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;

/**
 * Stores spaces, with the customer accounts and tiers admitted to restricted ones, and the explicit members of
 * private ones. Thread-safe; every call joins the caller's transaction.
 */
public interface SpaceStore {
  /** The largest page of {@link #members} and the most members {@link #membersAmong} looks for. */
  int MAX_PAGE = 1000;

  /**
   * @param space the space to insert, with its access
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

  /**
   * Adds a member to a space's explicit members. Not idempotent: callers check {@link #isMember} first, and a
   * concurrent add shows as a duplicate key.
   *
   * @param spaceId the space
   * @param memberId the member
   * @param at when
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the member is already one of the space's members
   * @throws dev.communitysdk.spi.error.StorageException if the space or the member does not exist
   */
  void addMember(SpaceId spaceId, MemberId memberId, Instant at);

  /**
   * @param spaceId the space
   * @param memberId the member
   * @return whether the member was one of the space's members (and no longer is)
   */
  boolean removeMember(SpaceId spaceId, MemberId memberId);

  /** @return whether the member is one of the space's explicit members */
  boolean isMember(SpaceId spaceId, MemberId memberId);

  /**
   * @param spaceId the space
   * @param among the members to look for; at most {@link #MAX_PAGE}
   * @return those of them who are explicit members of the space
   */
  Set<MemberId> membersAmong(SpaceId spaceId, Collection<MemberId> among);

  /**
   * @param memberId a member
   * @return the spaces the member is an explicit member of
   */
  Set<SpaceId> memberships(MemberId memberId);

  /**
   * @param spaceId the space
   * @param after the last member id of the previous page, if any
   * @param limit the page size, 1 to {@link #MAX_PAGE}
   * @return the space's explicit members after {@code after}, ordered by member id
   */
  List<MemberId> members(SpaceId spaceId, Optional<MemberId> after, int limit);
}
