package dev.communitysdk.core.memory;

import dev.communitysdk.spi.model.MemberId;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.PostStore;

/** Posts by id; a topic's page is a scan in id order, which is posting order. */
final class InMemoryPostStore implements PostStore {
  private static final int MAX_PAGE = 200;

  private final InMemoryTransactor transactor;
  private final InMemoryTopicStore topics;
  private final InMemoryMemberStore members;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Post> posts;

  InMemoryPostStore(InMemoryTransactor transactor, InMemoryTopicStore topics, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.topics = topics;
    this.members = members;
    this.posts = new Table<>(transactor);
  }

  @Override
  public Post insert(NewPost post) {
    requireNonNull(post, "post");
    return transactor.inTransaction(() -> {
      References.require(topics.exists(post.topicId()), "post", "topic", post.topicId());
      References.require(members.exists(post.authorId()), "post", "member", post.authorId());
      Post stored = new Post(new PostId(ids.incrementAndGet()), post.topicId(), post.spaceId(), post.authorId(),
          post.anonymous(), post.opening(), post.content(), post.status(), 0, 0, 0, post.createdAt(),
          post.createdAt(), 1);
      posts.put(stored.id().value(), stored);
      return stored;
    });
  }

  @Override
  public Optional<Post> find(PostId id) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> posts.get(id.value()));
  }

  @Override
  public List<Post> findAll(Collection<PostId> ids) {
    requireNonNull(ids, "ids");
    return transactor.inTransaction(() -> ids.stream().distinct()
        .flatMap(id -> posts.get(id.value()).stream())
        .toList());
  }

  @Override
  public List<Post> listByTopic(TopicId topicId, Set<PostStatus> statuses, Optional<PostId> after, int limit) {
    requireNonNull(topicId, "topicId");
    requireStatuses(statuses);
    return inIdOrder(p -> p.topicId().equals(topicId) && statuses.contains(p.status()), after, limit);
  }

  @Override
  public List<Post> listByStatus(
      Set<PostStatus> statuses, Optional<MemberId> authorId, Optional<PostId> after, int limit) {
    requireStatuses(statuses);
    requireNonNull(authorId, "authorId");
    return inIdOrder(p -> statuses.contains(p.status()) && authorId.map(p.authorId()::equals).orElse(true), after,
        limit);
  }

  private static void requireStatuses(Set<PostStatus> statuses) {
    requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty");
    }
  }

  /** A page of the posts meeting the filter, id ascending, after a post. */
  private List<Post> inIdOrder(Predicate<Post> filter, Optional<PostId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    long afterId = after.map(PostId::value).orElse(0L);
    return transactor.inTransaction(() -> posts.after(afterId).stream()
        .filter(filter)
        .limit(limit)
        .toList());
  }

  @Override
  public boolean updateContent(PostId id, long expectedVersion, PostContent content, Instant at) {
    requireNonNull(content, "content");
    requireNonNull(at, "at");
    return update(id, p -> p.version() == expectedVersion, p -> PostRow.of(p).edited(content, at).build());
  }

  @Override
  public boolean updateStatus(PostId id, PostStatus status, Instant at) {
    requireNonNull(status, "status");
    requireNonNull(at, "at");
    return update(id, p -> true, p -> PostRow.of(p).status(status, at).build());
  }

  @Override
  public Optional<Long> addVotes(PostId id, long upDelta, long downDelta) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> {
      update(id, p -> true, p -> PostRow.of(p).votes(upDelta, downDelta).build());
      return posts.get(id.value()).map(Post::score);
    });
  }

  @Override
  public boolean updateWilson(PostId id, double wilson) {
    // Checked before the lookup, so that a bad rank fails the same way whether or not the post exists.
    if (!(wilson >= 0 && wilson <= 1)) {
      throw new IllegalArgumentException("wilson must be in [0, 1], was " + wilson);
    }
    return update(id, p -> true, p -> PostRow.of(p).wilson(wilson).build());
  }

  @Override
  public List<Post> listRepliesByRank(
      TopicId topicId, Set<PostStatus> statuses, Optional<ListingCursor> after, int limit) {
    requireNonNull(topicId, "topicId");
    requireNonNull(statuses, "statuses");
    requireNonNull(after, "after");
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty");
    }
    PageLimit.check(limit, MAX_PAGE);
    // Numeric comparison, as SQL compares the column: unlike Double#compare, -0.0 and 0.0 are one rank.
    Comparator<Post> byWilsonDescending =
        (a, b) -> a.wilson() > b.wilson() ? -1 : (a.wilson() < b.wilson() ? 1 : 0);
    Comparator<Post> bestFirst = byWilsonDescending.thenComparingLong(p -> p.id().value());
    return transactor.inTransaction(() -> posts.rows().stream()
        .filter(p -> p.topicId().equals(topicId) && !p.opening() && statuses.contains(p.status()))
        .filter(p -> after.map(cursor -> isAfter(p, cursor)).orElse(true))
        .sorted(bestFirst)
        .limit(limit)
        .toList());
  }

  /** @return whether the reply comes strictly after the cursor in (Wilson descending, id ascending) order */
  private static boolean isAfter(Post reply, ListingCursor cursor) {
    return reply.wilson() < cursor.rank() || (reply.wilson() == cursor.rank() && reply.id().value() > cursor.id());
  }

  @Override
  public List<Post> listStale(int renderVersion, Optional<PostId> after, int limit) {
    return inIdOrder(p -> p.content().renderVersion() < renderVersion, after, limit);
  }

  @Override
  public boolean updateRendering(PostId id, long expectedVersion, String html, int renderVersion) {
    requireNonNull(html, "html");
    if (renderVersion < 1) {
      throw new IllegalArgumentException("renderVersion must be positive, was " + renderVersion);
    }
    return update(id, p -> p.version() == expectedVersion, p -> PostRow.of(p).rendered(html, renderVersion).build());
  }

  /** @return whether the post exists; only for reference checks made inside a transaction */
  boolean exists(PostId id) {
    return posts.contains(id.value());
  }

  private boolean update(PostId id, Predicate<Post> condition, UnaryOperator<Post> change) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> posts.update(id.value(), condition, change));
  }

}
