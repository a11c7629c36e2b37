package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.storage.RevisionStore;

/** Revisions keyed by (post, append sequence): one post's revisions form one range, oldest first. */
final class InMemoryRevisionStore implements RevisionStore {
  private final InMemoryTransactor transactor;
  private final InMemoryPostStore posts;
  private final AtomicLong sequence = new AtomicLong();
  private final Table<Key, Revision> revisions;

  InMemoryRevisionStore(InMemoryTransactor transactor, InMemoryPostStore posts) {
    this.transactor = transactor;
    this.posts = posts;
    this.revisions = new Table<>(transactor);
  }

  @Override
  public void insert(Revision revision) {
    requireNonNull(revision, "revision");
    transactor.run(() -> {
      References.require(posts.exists(revision.postId()), "revision", "post", revision.postId());
      revisions.put(new Key(revision.postId().value(), sequence.incrementAndGet()), revision);
    });
  }

  @Override
  public List<Revision> list(PostId postId) {
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> List.copyOf(
        revisions.range(new Key(postId.value(), 0), new Key(postId.value() + 1, 0))));
  }

  @Override
  public int blank(PostId postId) {
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> {
      List<Key> keys = revisions.keys(new Key(postId.value(), 0), new Key(postId.value() + 1, 0));
      keys.forEach(key -> revisions.update(key, r -> true, r -> new Revision(r.postId(), r.version(), r.editorId(),
          Optional.empty(), "", r.editedAt(), r.stars())));
      return keys.size();
    });
  }

  private record Key(long postId, long sequence) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byPost = Long.compare(postId, other.postId);
      return byPost != 0 ? byPost : Long.compare(sequence, other.sequence);
    }
  }
}
