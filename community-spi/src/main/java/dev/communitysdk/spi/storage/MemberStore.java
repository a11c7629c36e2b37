package dev.communitysdk.spi.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.NewMember;

/** Stores members. Thread-safe; every call joins the caller's transaction. */
public interface MemberStore {
  /**
   * @param member the member to insert
   * @return the stored member with its new id
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if a member with the external id exists
   */
  Member insert(NewMember member);

  /** @return the member, if it exists */
  Optional<Member> find(MemberId id);

  /** @return the member bound to the host user id, if any */
  Optional<Member> findByExternalId(String externalId);

  /**
   * @param ids the members to load; duplicates are allowed
   * @return the members that exist, each once, in no particular order
   */
  List<Member> findAll(Collection<MemberId> ids);

  /**
   * @param handles handles to look up; duplicates are allowed
   * @return the members holding them, each once, in no particular order
   */
  List<Member> findByHandles(Collection<String> handles);

  /**
   * Replaces the profile mirrored from the host.
   *
   * @return whether the member exists
   */
  boolean updateProfile(MemberId id, MemberProfile profile);

  /** @return whether the member exists */
  boolean updateStatus(MemberId id, MemberStatus status);

  /**
   * Rebinds the member to another external id and handle; erasure uses it to replace the host's user id by a
   * pseudonym and the handle derived from the member's name by one derived from that pseudonym.
   *
   * @param id the member
   * @param externalId the new external id
   * @param handle the new handle, a valid {@link Member#isHandle handle}
   * @return whether the member exists
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if another member holds the external id or the handle
   */
  boolean rebind(MemberId id, String externalId, String handle);

  /**
   * Locks the member's row until the transaction ends and reads the reputation total, so that a command can apply the
   * daily cap and the floor without a concurrent command slipping in between.
   *
   * @return the current total, or empty if the member does not exist
   */
  Optional<Long> reputationForUpdate(MemberId id);

  /**
   * Adds to the reputation total atomically.
   *
   * @return the new total, read inside the same transaction; empty if the member does not exist
   */
  Optional<Long> addReputation(MemberId id, long delta);
}
