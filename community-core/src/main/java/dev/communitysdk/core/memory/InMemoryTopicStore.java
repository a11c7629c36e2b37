package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.TopicStore;

/** Topics by id, each row carrying its tags. Listings scan and sort: fine for a reference, not for 10^6 topics. */
final class InMemoryTopicStore implements TopicStore {
  private final InMemoryTransactor transactor;
  private final InMemorySpaceStore spaces;
  private final InMemoryMemberStore members;
  private final Predicate<PostId> postExists;
  private final AtomicLong ids = new AtomicLong();
  private final Table<Long, Topic> topics;

  /**
   * @param postExists whether a post exists, for the accepted answer's reference; a predicate because the post store
   *     is built after this one (posts refer to topics)
   */
  InMemoryTopicStore(
      InMemoryTransactor transactor, InMemorySpaceStore spaces, InMemoryMemberStore members,
      Predicate<PostId> postExists) {
    this.transactor = transactor;
    this.spaces = spaces;
    this.members = members;
    this.postExists = postExists;
    this.topics = new Table<>(transactor);
  }

  @Override
  public Topic insert(NewTopic topic) {
    requireNonNull(topic, "topic");
    return transactor.inTransaction(() -> {
      References.require(spaces.exists(topic.spaceId()), "topic", "space", topic.spaceId());
      References.require(members.exists(topic.authorId()), "topic", "member", topic.authorId());
      Topic stored = new Topic(new TopicId(ids.incrementAndGet()), topic.spaceId(), topic.kind(), topic.title(),
          topic.tags(), topic.authorId(), topic.anonymous(), TopicStatus.OPEN, 0, 0, topic.hot(), topic.createdAt(),
          topic.createdAt(), 1, Optional.empty(), 0, topic.productId());
      topics.put(stored.id().value(), stored);
      return stored;
    });
  }

  @Override
  public Optional<Topic> find(TopicId id) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> topics.get(id.value()));
  }

  @Override
  public List<Topic> findAll(Collection<TopicId> ids) {
    requireNonNull(ids, "ids");
    return transactor.inTransaction(() -> ids.stream().distinct()
        .flatMap(id -> topics.get(id.value()).stream())
        .toList());
  }

  @Override
  public boolean updateTitleAndTags(TopicId id, long expectedVersion, String title, List<String> tags, Instant at) {
    requireNonNull(title, "title");
    requireNonNull(tags, "tags");
    requireNonNull(at, "at");
    // An edit is activity (see Topic#lastActivityAt), and activity only ever moves forward.
    return update(id, t -> t.version() == expectedVersion, t -> TopicRow.of(t).title(title).tags(tags)
        .lastActivityAt(later(t.lastActivityAt(), at)).nextVersion().build());
  }

  @Override
  public boolean updateStatus(TopicId id, long expectedVersion, TopicStatus status, Instant at) {
    requireNonNull(status, "status");
    requireNonNull(at, "at");
    return update(id, t -> t.version() == expectedVersion, t -> TopicRow.of(t).status(status).nextVersion().build());
  }

  @Override
  public boolean addReplies(TopicId id, int delta, Instant at) {
    requireNonNull(at, "at");
    return update(id, t -> true, t -> TopicRow.of(t).replyCount(t.replyCount() + delta)
        .lastActivityAt(later(t.lastActivityAt(), at)).build());
  }

  @Override
  public Optional<Long> addScore(TopicId id, long delta) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> {
      update(id, t -> true, t -> TopicRow.of(t).score(t.score() + delta).build());
      return topics.get(id.value()).map(Topic::score);
    });
  }

  @Override
  public boolean updateHot(TopicId id, double hot) {
    return update(id, t -> true, t -> TopicRow.of(t).hot(hot).build());
  }

  @Override
  public boolean updateAcceptedAnswer(TopicId id, Optional<PostId> answerId) {
    requireNonNull(answerId, "answerId");
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> {
      if (!exists(id)) {
        // An UPDATE that matches no row checks no foreign key either.
        return false;
      }
      // As the database's foreign key would: an accepted answer must be a post that exists.
      answerId.ifPresent(answer -> References.require(postExists.test(answer), "topic", "post", answer));
      return update(id, t -> true, t -> TopicRow.of(t).acceptedAnswerId(answerId).build());
    });
  }

  @Override
  public boolean addAnswers(TopicId id, int delta) {
    return update(id, t -> true, t -> TopicRow.of(t).answerCount(t.answerCount() + delta).build());
  }

  @Override
  public List<Topic> list(TopicQuery query) {
    requireNonNull(query, "query");
    Keyset<Topic> listing = new Keyset<>(t -> TopicQuery.rankOf(query.order(), t), t -> t.id().value());
    return transactor.inTransaction(() -> listing.page(topics.rows().stream()
        .filter(t -> t.spaceId().equals(query.spaceId()))
        .filter(t -> query.statuses().contains(t.status()))
        .filter(t -> query.tag().map(t.tags()::contains).orElse(true))
        .filter(t -> inState(t, query.questionState())), query.after(), query.limit()));
  }

  /** @return whether the topic is in the question state, as {@link TopicStore#list} defines the states */
  private static boolean inState(Topic topic, QuestionState state) {
    return switch (state) {
      case ANY -> true;
      case UNANSWERED -> topic.acceptedAnswerId().isEmpty() && topic.answerCount() == 0;
      case SOLVED -> topic.acceptedAnswerId().isPresent();
    };
  }

  /** @return every topic in id order; a read-only view, only for reads made inside a transaction */
  Collection<Topic> rows() {
    return topics.rows();
  }

  /** @return whether the topic exists; only for reference checks made inside a transaction */
  boolean exists(TopicId id) {
    return topics.contains(id.value());
  }

  private boolean update(TopicId id, Predicate<Topic> condition, UnaryOperator<Topic> change) {
    requireNonNull(id, "id");
    return transactor.inTransaction(() -> topics.update(id.value(), condition, change));
  }


  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }
}
