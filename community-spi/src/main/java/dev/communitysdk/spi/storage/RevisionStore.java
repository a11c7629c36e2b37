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
}
