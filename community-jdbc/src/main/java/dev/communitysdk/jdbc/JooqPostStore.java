package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_POST;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmPostRecord;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.sentiment.SentimentScore;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.PostStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Posts in {@code cm_post}. Vote counters move by atomic {@code x = x + ?} updates; replies by rank are a keyset scan
 * of the (topic_id, wilson desc, id) index.
 */
final class JooqPostStore implements PostStore {
  private static final int MAX_LIMIT = 200;

  private final JooqTransactor tx;

  JooqPostStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Post insert(NewPost post) {
    requireNonNull(post, "post");
    Instant createdAt = Times.truncate(post.createdAt());
    
    PostContent content = post.content();
    long id = tx.call("insert post", dsl -> dsl.insertInto(CM_POST)
        .set(CM_POST.TOPIC_ID, post.topicId().value())
        .set(CM_POST.SPACE_ID, post.spaceId().value())
        .set(CM_POST.AUTHOR_ID, post.authorId().value())
        .set(CM_POST.ANONYMOUS, post.anonymous())
        .set(CM_POST.OPENING, post.opening())
        .set(CM_POST.BODY_SOURCE, content.source())
        .set(CM_POST.BODY_HTML, content.html())
        .set(CM_POST.RENDER_VERSION, content.renderVersion())
        .set(CM_POST.SENTIMENT_SCORE, content.sentiment().map(SentimentScore::score).orElse(null))
        .set(CM_POST.SENTIMENT_LABEL, content.sentiment().map(s -> s.label().name()).orElse(null))
        .set(CM_POST.STATUS, post.status().name())
        .set(CM_POST.SCORE, 0L)
        .set(CM_POST.UP_VOTES, 0L)
        .set(CM_POST.DOWN_VOTES, 0L)
        .set(CM_POST.CREATED_AT, createdAt)
        .set(CM_POST.UPDATED_AT, createdAt)
        .set(CM_POST.VERSION, 1L)
        .set(CM_POST.WILSON, 0.0)
        .returningResult(CM_POST.ID)
        .fetchSingle()
        .value1());
    return new Post(
        new PostId(id), post.topicId(), post.spaceId(), post.authorId(), post.anonymous(), post.opening(), content,
        post.status(), 0, 0, 0, createdAt, createdAt, 1);
  }

  @Override
  public Optional<Post> find(PostId id) {
    requireNonNull(id, "id");
    return tx.call("find post", dsl -> dsl.selectFrom(CM_POST)
        .where(CM_POST.ID.eq(id.value()))
        .fetchOptional(JooqPostStore::toPost));
  }

  @Override
  public List<Post> findAll(Collection<PostId> ids) {
    requireNonNull(ids, "ids");
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.call("find posts", dsl -> dsl.selectFrom(CM_POST)
        .where(CM_POST.ID.in(ids.stream().map(PostId::value).distinct().toList()))
        .fetch(JooqPostStore::toPost));
  }

  @Override
  public List<Post> listByTopic(TopicId topicId, Set<PostStatus> statuses, Optional<PostId> after, int limit) {
    requireNonNull(topicId, "topicId");
    requireNonNull(statuses, "statuses");
    requireNonNull(after, "after");
    checkPage(statuses, limit);
    return inIdOrder("list posts of topic", CM_POST.TOPIC_ID.eq(topicId.value()).and(statusIn(statuses)), after,
        limit);
  }

  @Override
  public List<Post> listByStatus(
      Set<PostStatus> statuses, Optional<MemberId> authorId, Optional<PostId> after, int limit) {
    requireNonNull(statuses, "statuses");
    requireNonNull(authorId, "authorId");
    requireNonNull(after, "after");
    checkPage(statuses, limit);
    Condition author = authorId.map(id -> CM_POST.AUTHOR_ID.eq(id.value())).orElse(DSL.noCondition());
    return inIdOrder("list posts by status", author.and(statusIn(statuses)), after, limit);
  }

  private static Condition statusIn(Set<PostStatus> statuses) {
    return CM_POST.STATUS.in(statuses.stream().map(Enum::name).toList());
  }

  /** A page of the posts meeting the condition, id ascending, after a post. */
  private List<Post> inIdOrder(String operation, Condition condition, Optional<PostId> after, int limit) {
    return tx.call(operation, dsl -> IdOrderedPage.fetch(dsl, CM_POST, CM_POST.ID, condition,
        after.map(PostId::value), limit, JooqPostStore::toPost));
  }

  @Override
  public boolean updateContent(PostId id, long expectedVersion, PostContent content, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(content, "content");
    Instant when = requireNonNull(at, "at");
    return tx.call("update post content", dsl -> dsl.update(CM_POST)
        .set(CM_POST.BODY_SOURCE, content.source())
        .set(CM_POST.BODY_HTML, content.html())
        .set(CM_POST.RENDER_VERSION, content.renderVersion())
        .set(CM_POST.SENTIMENT_SCORE, content.sentiment().map(SentimentScore::score).orElse(null))
        .set(CM_POST.SENTIMENT_LABEL, content.sentiment().map(s -> s.label().name()).orElse(null))
        .set(CM_POST.UPDATED_AT, when)
        .set(CM_POST.VERSION, CM_POST.VERSION.plus(1))
        .where(CM_POST.ID.eq(id.value()).and(CM_POST.VERSION.eq(expectedVersion)))
        .execute()) == 1;
  }

  @Override
  public List<Post> listStale(int renderVersion, Optional<PostId> after, int limit) {
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_LIMIT);
    return inIdOrder("list stale posts", CM_POST.RENDER_VERSION.lt(renderVersion), after, limit);
  }

  @Override
  public boolean updateRendering(PostId id, long expectedVersion, String html, int renderVersion) {
    requireNonNull(id, "id");
    requireNonNull(html, "html");
    if (renderVersion < 1) {
      throw new IllegalArgumentException("renderVersion must be positive, was " + renderVersion);
    }
    return tx.call("update post rendering", dsl -> dsl.update(CM_POST)
        .set(CM_POST.BODY_HTML, html)
        .set(CM_POST.RENDER_VERSION, renderVersion)
        .where(CM_POST.ID.eq(id.value()).and(CM_POST.VERSION.eq(expectedVersion)))
        .execute()) == 1;
  }

  @Override
  public boolean updateStatus(PostId id, PostStatus status, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    Instant when = requireNonNull(at, "at");
    return tx.call("update post status", dsl -> dsl.update(CM_POST)
        .set(CM_POST.STATUS, status.name())
        .set(CM_POST.UPDATED_AT, when)
        .set(CM_POST.VERSION, CM_POST.VERSION.plus(1))
        .where(CM_POST.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public Optional<Long> addVotes(PostId id, long upDelta, long downDelta) {
    requireNonNull(id, "id");
    return tx.call("add post votes", dsl -> {
      int updated = dsl.update(CM_POST)
          .set(CM_POST.UP_VOTES, CM_POST.UP_VOTES.plus(upDelta))
          .set(CM_POST.DOWN_VOTES, CM_POST.DOWN_VOTES.plus(downDelta))
          .set(CM_POST.SCORE, CM_POST.SCORE.plus(upDelta - downDelta))
          .where(CM_POST.ID.eq(id.value()))
          .execute();
      return Counters.readBack(dsl, updated, CM_POST.SCORE, CM_POST.ID, id.value());
    });
  }

  @Override
  public boolean updateWilson(PostId id, double wilson) {
    requireNonNull(id, "id");
    // Checked here, not only when read back: a stored value outside [0, 1] would make every later read of the post fail.
    if (!(wilson >= 0 && wilson <= 1)) {
      throw new IllegalArgumentException("wilson must be in [0, 1], was " + wilson);
    }
    return tx.call("update post wilson rank", dsl -> dsl.update(CM_POST)
        .set(CM_POST.WILSON, wilson)
        .where(CM_POST.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public List<Post> listRepliesByRank(
      TopicId topicId, Set<PostStatus> statuses, Optional<ListingCursor> after, int limit) {
    requireNonNull(topicId, "topicId");
    requireNonNull(statuses, "statuses");
    requireNonNull(after, "after");
    checkPage(statuses, limit);
    Condition where = CM_POST.TOPIC_ID.eq(topicId.value())
        .and(CM_POST.OPENING.isFalse())
        .and(CM_POST.STATUS.in(statuses.stream().map(Enum::name).toList()));
    if (after.isPresent()) {
      double rank = after.get().rank();
      // wilson < r or (wilson = r and id > i), led by the redundant wilson <= r so that planners see an index range.
      // The cursor's rank is a double read from the column, so equality is exact.
      where = where.and(CM_POST.WILSON.le(rank))
          .and(CM_POST.WILSON.lt(rank).or(CM_POST.ID.gt(after.get().id())));
    }
    Condition condition = where;
    return tx.call("list replies by rank", dsl -> dsl.selectFrom(CM_POST)
        .where(condition)
        .orderBy(CM_POST.WILSON.desc(), CM_POST.ID.asc())
        .limit(limit)
        .fetch(JooqPostStore::toPost));
  }

  private static void checkPage(Set<PostStatus> statuses, int limit) {
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty");
    }
    PageLimit.check(limit, MAX_LIMIT);
  }

  private static Post toPost(CmPostRecord r) {
    Optional<SentimentScore> sentiment = r.getSentimentScore() == null
        ? Optional.empty()
        : Optional.of(new SentimentScore(
            r.getSentimentScore(),
            r.getSentimentLabel() == null
                ? SentimentLabel.of(r.getSentimentScore())
                : Columns.enumValue(SentimentLabel.class, r.getSentimentLabel(), "cm_post.sentiment_label")));
    return new Post(
        new PostId(r.getId()),
        new TopicId(r.getTopicId()),
        new SpaceId(r.getSpaceId()),
        new MemberId(r.getAuthorId()),
        r.getAnonymous(),
        r.getOpening(),
        new PostContent(r.getBodySource(), r.getBodyHtml(), r.getRenderVersion(), sentiment),
        Columns.enumValue(PostStatus.class, r.getStatus(), "cm_post.status"),
        r.getScore(),
        r.getUpVotes(),
        r.getDownVotes(),
        r.getCreatedAt(),
        r.getUpdatedAt(),
        r.getVersion(),
        r.getWilson());
  }
}
