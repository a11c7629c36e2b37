package dev.communitysdk.spi.storage;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.MemberId;

/** Stores badge awards, unique per (member, badge, subject). Thread-safe; every call joins the caller's transaction. */
public interface BadgeStore {
  /**
   * @param award the award to store
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the member already holds the badge for the subject
   */
  void insert(BadgeAward award);

  /** @return the member's award of the badge for the subject, if any */
  Optional<BadgeAward> find(MemberId memberId, String badge, String subject);

  /** @return the member's awards, oldest first */
  List<BadgeAward> list(MemberId memberId);
}
