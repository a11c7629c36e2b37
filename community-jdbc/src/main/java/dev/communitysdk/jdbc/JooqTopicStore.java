package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_TOPIC;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_TOPIC_TAG;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmTopicRecord;
import dev.communitysdk.jdbc.internal.schema.tables.records.CmTopicTagRecord;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.TopicStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.impl.DSL;

/**
 * Topics in {@code cm_topic}, their tags in {@code cm_topic_tag}. Counters move by atomic {@code x = x + ?} updates;
 * listings are keyset scans of the (space_id, sort column, id) indexes, or of the (space_id, question_state, sort
 * column, id) indexes when the query narrows by question state.
 *
 * <p>{@code question_state} is not part of {@link Topic}: it is derived from the accepted answer and the answer count
 * by the very statement that changes either, so that it can never drift from them.
 */
final class JooqTopicStore implements TopicStore {
  /** No accepted answer and an answer count of 0: listed as unanswered. */
  static final short UNANSWERED = 0;
  /** No accepted answer, but answers that keep the question off the unanswered list. */
  private static final short ANSWERED = 1;
  /** An accepted answer. */
  private static final short SOLVED = 2;

  private final JooqTransactor tx;

  JooqTopicStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Topic insert(NewTopic topic) {
    requireNonNull(topic, "topic");
    Instant createdAt = Times.truncate(topic.createdAt());
    
    long id = tx.call("insert topic", dsl -> {
      long newId = dsl.insertInto(CM_TOPIC)
          .set(CM_TOPIC.SPACE_ID, topic.spaceId().value())
          .set(CM_TOPIC.KIND, topic.kind().name())
          .set(CM_TOPIC.TITLE, topic.title())
          .set(CM_TOPIC.AUTHOR_ID, topic.authorId().value())
          .set(CM_TOPIC.ANONYMOUS, topic.anonymous())
          .set(CM_TOPIC.STATUS, TopicStatus.OPEN.name())
          .set(CM_TOPIC.REPLY_COUNT, 0L)
          .set(CM_TOPIC.SCORE, 0L)
          .set(CM_TOPIC.HOT, topic.hot())
          .set(CM_TOPIC.LAST_ACTIVITY_AT, createdAt)
          .set(CM_TOPIC.CREATED_AT, createdAt)
          .set(CM_TOPIC.UPDATED_AT, createdAt)
          .set(CM_TOPIC.VERSION, 1L)
          .set(CM_TOPIC.ACCEPTED_ANSWER_ID, (Long) null)
          .set(CM_TOPIC.ANSWER_COUNT, 0L)
          .set(CM_TOPIC.QUESTION_STATE, UNANSWERED)
          .set(CM_TOPIC.PRODUCT_ID, topic.productId().orElse(null))
          .returningResult(CM_TOPIC.ID)
          .fetchSingle()
          .value1();
      insertTags(dsl, newId, topic.spaceId().value(), topic.tags());
      return newId;
    });
    return new Topic(
        new TopicId(id), topic.spaceId(), topic.kind(), topic.title(), topic.tags(), topic.authorId(),
        topic.anonymous(), TopicStatus.OPEN, 0, 0, topic.hot(), createdAt, createdAt, 1, Optional.empty(), 0,
        topic.productId());
  }

  @Override
  public Optional<Topic> find(TopicId id) {
    requireNonNull(id, "id");
    return tx.call("find topic", dsl -> dsl.selectFrom(CM_TOPIC)
        .where(CM_TOPIC.ID.eq(id.value()))
        .fetchOptional()
        .map(row -> toTopic(row, loadTags(dsl, List.of(row.getId())).getOrDefault(row.getId(), List.of()))));
  }

  @Override
  public List<Topic> findAll(Collection<TopicId> ids) {
    requireNonNull(ids, "ids");
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.call("find topics", dsl -> {
      List<CmTopicRecord> rows = dsl.selectFrom(CM_TOPIC)
          .where(CM_TOPIC.ID.in(ids.stream().map(TopicId::value).distinct().toList()))
          .fetch();
      return withTags(dsl, rows);
    });
  }

  /** An edit is activity: last activity moves forward to {@code at}, as {@link Topic#lastActivityAt()} says. */
  @Override
  public boolean updateTitleAndTags(TopicId id, long expectedVersion, String title, List<String> tags, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    List<String> newTags = List.copyOf(requireNonNull(tags, "tags"));
    Instant when = requireNonNull(at, "at");
    return tx.call("update topic title and tags", dsl -> {
      int updated = dsl.update(CM_TOPIC)
          .set(CM_TOPIC.TITLE, title)
          .set(CM_TOPIC.UPDATED_AT, when)
          .set(CM_TOPIC.LAST_ACTIVITY_AT, DSL.greatest(CM_TOPIC.LAST_ACTIVITY_AT, DSL.val(when, CM_TOPIC.LAST_ACTIVITY_AT)))
          .set(CM_TOPIC.VERSION, CM_TOPIC.VERSION.plus(1))
          .where(CM_TOPIC.ID.eq(id.value()).and(CM_TOPIC.VERSION.eq(expectedVersion)))
          .execute();
      if (updated == 0) {
        return false;
      }
      long spaceId = dsl.select(CM_TOPIC.SPACE_ID).from(CM_TOPIC).where(CM_TOPIC.ID.eq(id.value())).fetchSingle()
          .value1();
      dsl.deleteFrom(CM_TOPIC_TAG).where(CM_TOPIC_TAG.TOPIC_ID.eq(id.value())).execute();
      insertTags(dsl, id.value(), spaceId, newTags);
      return true;
    });
  }

  @Override
  public boolean updateStatus(TopicId id, long expectedVersion, TopicStatus status, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    Instant when = requireNonNull(at, "at");
    return tx.call("update topic status", dsl -> dsl.update(CM_TOPIC)
        .set(CM_TOPIC.STATUS, status.name())
        .set(CM_TOPIC.UPDATED_AT, when)
        .set(CM_TOPIC.VERSION, CM_TOPIC.VERSION.plus(1))
        .where(CM_TOPIC.ID.eq(id.value()).and(CM_TOPIC.VERSION.eq(expectedVersion)))
        .execute()) == 1;
  }

  @Override
  public boolean addReplies(TopicId id, int delta, Instant at) {
    requireNonNull(id, "id");
    Instant when = requireNonNull(at, "at");
    return tx.call("add topic replies", dsl -> dsl.update(CM_TOPIC)
        .set(CM_TOPIC.REPLY_COUNT, CM_TOPIC.REPLY_COUNT.plus(delta))
        .set(CM_TOPIC.LAST_ACTIVITY_AT, DSL.greatest(CM_TOPIC.LAST_ACTIVITY_AT, DSL.val(when, CM_TOPIC.LAST_ACTIVITY_AT)))
        .where(CM_TOPIC.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public Optional<Long> addScore(TopicId id, long delta) {
    requireNonNull(id, "id");
    return tx.call("add topic score", dsl -> {
      int updated = dsl.update(CM_TOPIC)
          .set(CM_TOPIC.SCORE, CM_TOPIC.SCORE.plus(delta))
          .where(CM_TOPIC.ID.eq(id.value()))
          .execute();
      return Counters.readBack(dsl, updated, CM_TOPIC.SCORE, CM_TOPIC.ID, id.value());
    });
  }

  @Override
  public boolean updateHot(TopicId id, double hot) {
    requireNonNull(id, "id");
    return tx.call("update topic hot rank", dsl -> dsl.update(CM_TOPIC)
        .set(CM_TOPIC.HOT, hot)
        .where(CM_TOPIC.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public List<Topic> list(TopicQuery query) {
    requireNonNull(query, "query");
    Condition where = CM_TOPIC.SPACE_ID.eq(query.spaceId().value())
        .and(questionState(query.questionState()))
        .and(CM_TOPIC.STATUS.in(query.statuses().stream().map(Enum::name).toList()));
    if (query.tag().isPresent()) {
      where = where.and(CM_TOPIC.ID.in(DSL.select(CM_TOPIC_TAG.TOPIC_ID)
          .from(CM_TOPIC_TAG)
          .where(CM_TOPIC_TAG.SPACE_ID.eq(query.spaceId().value()))
          .and(CM_TOPIC_TAG.TAG.eq(query.tag().get()))));
    }
    Field<?> rank = rankColumn(query);
    if (query.after().isPresent()) {
      where = where.and(after(query, query.after().get()));
    }
    Condition condition = where;
    return tx.call("list topics", dsl -> {
      List<CmTopicRecord> rows = dsl.selectFrom(CM_TOPIC)
          .where(condition)
          .orderBy(rank.desc(), CM_TOPIC.ID.desc())
          .limit(query.limit())
          .fetch();
      return withTags(dsl, rows);
    });
  }

  @Override
  public boolean updateAcceptedAnswer(TopicId id, Optional<PostId> answerId) {
    requireNonNull(id, "id");
    requireNonNull(answerId, "answerId");
    // The state reads only answer_count, which this statement leaves alone, so the order of assignments is moot.
    Field<Short> state = answerId.isPresent()
        ? DSL.val(SOLVED)
        : DSL.when(CM_TOPIC.ANSWER_COUNT.eq(0L), DSL.val(UNANSWERED)).otherwise(DSL.val(ANSWERED));
    return tx.call("update topic accepted answer", dsl -> dsl.update(CM_TOPIC)
        .set(CM_TOPIC.QUESTION_STATE, state)
        .set(CM_TOPIC.ACCEPTED_ANSWER_ID, answerId.map(PostId::value).orElse(null))
        .where(CM_TOPIC.ID.eq(id.value()))
        .execute()) == 1;
  }

  @Override
  public boolean addAnswers(TopicId id, int delta) {
    requireNonNull(id, "id");
    // The state is assigned first and computed from answer_count + delta: MariaDB evaluates assignments left to right
    // (an earlier assignment changes what a later one reads) unless SIMULTANEOUS_ASSIGNMENT is on, the other engines
    // all at once; read first, answer_count is the old value under either rule.
    Field<Short> state = DSL.when(CM_TOPIC.ACCEPTED_ANSWER_ID.isNotNull(), DSL.val(SOLVED))
        .when(CM_TOPIC.ANSWER_COUNT.plus(delta).eq(0L), DSL.val(UNANSWERED))
        .otherwise(DSL.val(ANSWERED));
    return tx.call("add topic answers", dsl -> dsl.update(CM_TOPIC)
        .set(CM_TOPIC.QUESTION_STATE, state)
        .set(CM_TOPIC.ANSWER_COUNT, CM_TOPIC.ANSWER_COUNT.plus(delta))
        .where(CM_TOPIC.ID.eq(id.value()))
        .execute()) == 1;
  }

  private static Condition questionState(QuestionState state) {
    return switch (state) {
      case ANY -> DSL.noCondition();
      case UNANSWERED -> CM_TOPIC.QUESTION_STATE.eq(UNANSWERED);
      case SOLVED -> CM_TOPIC.QUESTION_STATE.eq(SOLVED);
    };
  }

  private static Field<?> rankColumn(TopicQuery query) {
    return switch (query.order()) {
      case LATEST -> CM_TOPIC.CREATED_AT;
      case ACTIVE -> CM_TOPIC.LAST_ACTIVITY_AT;
      case TOP -> CM_TOPIC.SCORE;
      case HOT -> CM_TOPIC.HOT;
    };
  }

  /** Rows strictly after the cursor in (rank desc, id desc). */
  private static Condition after(TopicQuery query, ListingCursor cursor) {
    return switch (query.order()) {
      case LATEST -> Keyset.afterTime(CM_TOPIC.CREATED_AT, CM_TOPIC.ID, cursor);
      case ACTIVE -> Keyset.afterTime(CM_TOPIC.LAST_ACTIVITY_AT, CM_TOPIC.ID, cursor);
      case TOP -> Keyset.afterCount(CM_TOPIC.SCORE, CM_TOPIC.ID, cursor);
      case HOT -> Keyset.afterValue(CM_TOPIC.HOT, CM_TOPIC.ID, cursor);
    };
  }

  private static void insertTags(DSLContext dsl, long topicId, long spaceId, List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    InsertValuesStep4<CmTopicTagRecord, Long, String, Long, Short> insert = dsl.insertInto(
        CM_TOPIC_TAG, CM_TOPIC_TAG.TOPIC_ID, CM_TOPIC_TAG.TAG, CM_TOPIC_TAG.SPACE_ID, CM_TOPIC_TAG.TAG_ORDER);
    for (int i = 0; i < tags.size(); i++) {
      insert = insert.values(topicId, tags.get(i), spaceId, (short) i);
    }
    insert.execute();
  }

  /** One query for the tags of a whole page. */
  private static List<Topic> withTags(DSLContext dsl, List<CmTopicRecord> rows) {
    Map<Long, List<String>> tags = loadTags(dsl, rows.stream().map(CmTopicRecord::getId).toList());
    return rows.stream().map(row -> toTopic(row, tags.getOrDefault(row.getId(), List.of()))).toList();
  }

  private static Map<Long, List<String>> loadTags(DSLContext dsl, Collection<Long> topicIds) {
    if (topicIds.isEmpty()) {
      return Map.of();
    }
    return dsl.select(CM_TOPIC_TAG.TOPIC_ID, CM_TOPIC_TAG.TAG)
        .from(CM_TOPIC_TAG)
        .where(CM_TOPIC_TAG.TOPIC_ID.in(topicIds))
        .orderBy(CM_TOPIC_TAG.TOPIC_ID, CM_TOPIC_TAG.TAG_ORDER)
        .fetch()
        .stream()
        .collect(groupingBy(r -> r.value1(), mapping(r -> r.value2(), toList())));
  }

  private static Topic toTopic(CmTopicRecord r, List<String> tags) {
    return new Topic(
        new TopicId(r.getId()),
        new SpaceId(r.getSpaceId()),
        Columns.enumValue(SpaceKind.class, r.getKind(), "cm_topic.kind"),
        r.getTitle(),
        tags,
        new MemberId(r.getAuthorId()),
        r.getAnonymous(),
        Columns.enumValue(TopicStatus.class, r.getStatus(), "cm_topic.status"),
        r.getReplyCount(),
        r.getScore(),
        r.getHot(),
        r.getLastActivityAt(),
        r.getCreatedAt(),
        r.getVersion(),
        Optional.ofNullable(r.getAcceptedAnswerId()).map(PostId::new),
        r.getAnswerCount(),
        Optional.ofNullable(r.getProductId()));
  }
}
