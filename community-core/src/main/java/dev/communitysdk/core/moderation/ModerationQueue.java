package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.model.FlagSummary;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;

/**
 * The posts waiting for a moderator's decision, oldest first: pending under pre-moderation, and hidden by flags or by
 * a spam removal. Decide on them with {@link Moderation}. Moderators and admins only. Thread-safe.
 */
public final class ModerationQueue {
  /** The largest page of the queue. */
  public static final int MAX_LIMIT = 100;

  private static final String LISTING = "MODERATION_QUEUE";
  private static final Set<PostStatus> WAITING = EnumSet.of(PostStatus.PENDING, PostStatus.HIDDEN);

  private final CommunityContext context;

  ModerationQueue(CommunityContext context) {
    this.context = context;
  }

  /**
   * One page of the queue.
   *
   * @param actor a moderator
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit the page size, 1 to 100
   * @return the waiting posts, oldest first, each with its topic, space and open flags
   * @throws dev.communitysdk.spi.error.ValidationException if the limit or the cursor is bad
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor does not moderate
   */
  public Page<QueueItem> page(Actor actor, Optional<String> cursor, int limit) {
    requireNonNull(cursor, "cursor");
    int checkedLimit = InputRules.pageSize("limit", limit, MAX_LIMIT);
    Optional<PostId> after = cursor.map(token -> new PostId(Cursors.decodeListing(LISTING, token).id()));
    return context.commands().run("moderation.queue", () -> {
      Member moderator = context.reader(actor);
      context.policy().requireModerator(moderator, "moderation.queue");
      List<Post> rows = context.store().posts().listByStatus(WAITING, Optional.empty(), after, checkedLimit + 1);
      List<Post> posts = rows.subList(0, Math.min(checkedLimit, rows.size()));
      Map<TopicId, Topic> topics = byId(context.store().topics().findAll(ids(posts, Post::topicId)), Topic::id);
      Map<SpaceId, Space> spaces = new HashMap<>();
      topics.values().forEach(topic -> spaces.computeIfAbsent(topic.spaceId(), context::space));
      Map<MemberId, Member> authors = context.members(Stream.concat(posts.stream().map(Post::authorId),
          topics.values().stream().map(Topic::authorId)).toList());
      Map<PostId, FlagSummary> flags =
          byId(context.store().flags().openSummaries(ids(posts, Post::id)), FlagSummary::postId);
      List<QueueItem> items = posts.stream().map(post -> {
        Topic topic = topics.get(post.topicId());
        return new QueueItem(
            PostView.of(post, CommunityContext.author(authors, post.authorId(), post.anonymous()), Optional.empty()),
            TopicSummary.of(topic, CommunityContext.author(authors, topic.authorId(), topic.anonymous())),
            spaces.get(topic.spaceId()),
            flags.getOrDefault(post.id(), FlagSummary.none(post.id())));
      }).toList();
      return new Page<>(items, Cursors.next(LISTING, rows, checkedLimit, post -> post.id().value(),
          post -> post.id().value()));
    });
  }

  private static <K> List<K> ids(List<Post> posts, Function<Post, K> id) {
    return posts.stream().map(id).distinct().toList();
  }

  private static <K, V> Map<K, V> byId(List<V> rows, Function<V, K> id) {
    return rows.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
  }
}
