package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.TopicId;

/**
 * Stores posts. Vote counters change only through atomic updates. Thread-safe; every call joins the caller's
 * transaction.
 */
public interface PostStore {
  /**
   * @param post the post to insert
   * @return the stored post: score 0, version 1
   */
  Post insert(NewPost post);

  /** @return the post, if it exists */
  Optional<Post> find(PostId id);

  /** @return the posts that exist among the ids, in no particular order */
  List<Post> findAll(Collection<PostId> ids);

  /**
   * One page of a topic's posts in posting order (id ascending), after an optional post.
   *
   * @param topicId the topic
   * @param statuses the statuses to include; not empty
   * @param after the last post of the previous page, if any
   * @param limit the page size, 1 to 200
   * @return at most {@code limit} posts
   */
  List<Post> listByTopic(TopicId topicId, Set<PostStatus> statuses, Optional<PostId> after, int limit);

  /**
   * One page of posts in given statuses across every topic, oldest first (id ascending): the moderation queue, one
   * author's posts that wait, or (every status) all of one author's posts for their data export and erasure.
   *
   * @param statuses the statuses to include; not empty
   * @param authorId only this author's posts, if given
   * @param after the last post of the previous page, if any
   * @param limit the page size, 1 to 200
   * @return at most {@code limit} posts
   */
  List<Post> listByStatus(Set<PostStatus> statuses, Optional<MemberId> authorId, Optional<PostId> after, int limit);

  /**
   * Replaces the content if the stored version is {@code expectedVersion}, bumping the version.
   *
   * @return whether the update happened (false: missing or another version)
   */
  boolean updateContent(PostId id, long expectedVersion, PostContent content, Instant at);

  /**
   * Sets the status, bumping the version.
   *
   * @return whether the post exists
   */
  boolean updateStatus(PostId id, PostStatus status, Instant at);

  /**
   * Adds to the up and down vote counters atomically; the score moves by {@code up - down}.
   *
   * @return the new score, read inside the same transaction; empty if the post does not exist
   */
  Optional<Long> addVotes(PostId id, long upDelta, long downDelta);

  /**
   * Stores the Wilson rank derived from the current vote counters. Not an edit: the version stays.
   *
   * @return whether the post exists
   */
  boolean updateWilson(PostId id, double wilson);

  /**
   * One page of a topic's replies (never the opening post), best first: Wilson rank descending, then id ascending.
   *
   * @param topicId the topic
   * @param statuses the statuses to include; not empty
   * @param after the last reply of the previous page as (its Wilson rank, its id), if any
   * @param limit the page size, 1 to 200
   * @return at most {@code limit} replies strictly after {@code after} in that order
   */
  List<Post> listRepliesByRank(TopicId topicId, Set<PostStatus> statuses, Optional<ListingCursor> after, int limit);

  /**
   * One page of posts, of every status, whose HTML an older renderer produced: id ascending, after an optional post.
   *
   * @param renderVersion the current renderer version; posts with a smaller one are listed
   * @param after the last post of the previous page, if any
   * @param limit the page size
   * @return the page
   */
  List<Post> listStale(int renderVersion, Optional<PostId> after, int limit);

  /**
   * Replaces a post's rendered HTML and render version, if the post is still at the expected version. Not an edit:
   * the version, the update time, the source and the sentiment stay as they are.
   *
   * @param id the post
   * @param expectedVersion the version whose source was rendered
   * @param html the new HTML
   * @param renderVersion the renderer version that produced it
   * @return whether the update happened (false: missing or another version)
   */
  boolean updateRendering(PostId id, long expectedVersion, String html, int renderVersion);
}
