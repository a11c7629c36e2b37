package dev.communitysdk.spi.storage;

import java.util.Collection;
import java.util.List;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;

/**
 * The members each post mentions, as resolved when the post was written or last edited: notifications read them.
 * Thread-safe; every call joins the caller's transaction.
 */
public interface MentionStore {
  /**
   * Replaces the members a post mentions.
   *
   * @param postId the post; must exist
   * @param memberIds the members it mentions now, each existing; duplicates are stored once; empty clears them
   */
  void replace(PostId postId, Collection<MemberId> memberIds);

  /**
   * @param postId a post
   * @return the members it mentions, by id ascending; empty for an unknown post
   */
  List<MemberId> list(PostId postId);
}
