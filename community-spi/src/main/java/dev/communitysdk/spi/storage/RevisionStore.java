package dev.communitysdk.spi.storage;

import java.util.List;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Revision;

/** Stores the revisions that edits replace. Append-only. Thread-safe; every call joins the caller's transaction. */
public interface RevisionStore {
  /** @param revision the revision to append */
  void insert(Revision revision);

  /** @return the post's revisions, oldest first */
  List<Revision> list(PostId postId);

  /**
   * Blanks every revision of a post: empty source, no title. Revisions are otherwise append-only; erasing a member's
   * content is the one reason to change them.
   *
   * @return how many revisions were blanked
   */
  int blank(PostId postId);
}
