package dev.communitysdk.spi.storage;

import java.util.Optional;

import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.MemberId;

/**
 * Each member's link to a CRM contact and account: at most one per member. Thread-safe; every call joins the caller's
 * transaction.
 */
public interface CrmLinkStore {
  /**
   * Links a member, replacing the link they had. Calling it twice with the same link leaves one row.
   *
   * @param link the link; its member must exist
   * @throws dev.communitysdk.spi.error.StorageException if the member does not exist
   */
  void put(CrmLink link);

  /**
   * @param memberId a member
   * @return the member's link, if they have one
   */
  Optional<CrmLink> find(MemberId memberId);

  /**
   * @param memberId a member
   * @return whether the member had a link, now removed
   */
  boolean delete(MemberId memberId);
}
