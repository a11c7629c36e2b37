package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.model.BadgeAward;
import dev.communitysdk.spi.model.BadgeTier;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The question columns on in-memory H2: the adapter-internal {@code question_state} must follow the accepted answer
 * and the answer count through every change, since the unanswered and solved listings read only it.
 */
final class JooqQuestionStoresTest {
  private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

  private final ScratchDatabase database = ScratchDatabase.h2();
  private final JooqCommunityStore store = JooqCommunityStore.create(database.dataSource(),
      JooqStoreOptions.defaults().withSchemaMode(SchemaMode.MIGRATE));
  private final MemberId asker = member("asker");
  private final SpaceId space = store.spaces().insert(new NewSpace("q", "Questions", "", SpaceKind.QUESTIONS,
      Visibility.PUBLIC, ModerationMode.AUTO, false, SpaceAccess.NONE, SpaceRules.DEFAULT, NOW)).id();

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void questionState_followsAnswersAndAcceptance() {
    TopicId question = topic("Router drops Wi-Fi every hour");
    PostId answer = reply(question, 0.0);

    assertThat(listed(QuestionState.UNANSWERED)).containsExactly(question);
    assertThat(store.topics().addAnswers(question, 1)).isTrue();
    assertThat(store.topics().addAnswers(question, -1)).isTrue();
    assertThat(listed(QuestionState.UNANSWERED)).containsExactly(question);
    assertThat(store.topics().addAnswers(question, 1)).isTrue();
    assertThat(listed(QuestionState.UNANSWERED)).isEmpty();
    assertThat(listed(QuestionState.SOLVED)).isEmpty();

    assertThat(store.topics().updateAcceptedAnswer(question, Optional.of(answer))).isTrue();
    assertThat(store.topics().addAnswers(question, -1)).isTrue();
    assertThat(listed(QuestionState.SOLVED)).containsExactly(question);
    assertThat(listed(QuestionState.UNANSWERED)).isEmpty();
    Topic solved = store.topics().find(question).orElseThrow();
    assertThat(solved.acceptedAnswerId()).contains(answer);
    assertThat(solved.answerCount()).isZero();
    assertThat(solved.version()).isEqualTo(1);

    assertThat(store.topics().updateAcceptedAnswer(question, Optional.empty())).isTrue();
    assertThat(listed(QuestionState.UNANSWERED)).containsExactly(question);
    assertThat(listed(QuestionState.ANY)).containsExactly(question);
    assertThat(store.topics().addAnswers(new TopicId(999), 1)).isFalse();
    assertThat(store.topics().updateAcceptedAnswer(new TopicId(999), Optional.empty())).isFalse();
  }

  @Test
  void listRepliesByRank_skipsTheOpeningPostAndPagesByWilsonThenId() {
    TopicId question = topic("Printer prints blank pages");
    PostId low = reply(question, 0.2);
    PostId highFirst = reply(question, 0.7);
    PostId highSecond = reply(question, 0.7);
    PostId none = reply(question, 0.0);

    List<Post> first = store.posts().listRepliesByRank(question, Set.of(PostStatus.PUBLISHED), Optional.empty(), 2);
    assertThat(first).extracting(Post::id).containsExactly(highFirst, highSecond);
    Post last = first.get(1);
    assertThat(last.wilson()).isEqualTo(0.7);
    List<Post> rest = store.posts().listRepliesByRank(question, Set.of(PostStatus.PUBLISHED),
        Optional.of(new ListingCursor(last.wilson(), last.id().value())), 10);
    assertThat(rest).extracting(Post::id).containsExactly(low, none);
    assertThat(store.posts().find(highFirst).orElseThrow().version()).isEqualTo(1);
    assertThatThrownBy(() -> store.posts().updateWilson(low, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reputation_lockedReadAndAtomicAdd() {
    assertThat(store.transactor().inTransaction(() -> {
      long before = store.members().reputationForUpdate(asker).orElseThrow();
      return store.members().addReputation(asker, before + 9);
    })).contains(11L);
    assertThat(store.members().reputationForUpdate(new MemberId(999))).isEmpty();
    assertThat(store.members().addReputation(new MemberId(999), 1)).isEmpty();
  }

  @Test
  void badges_oncePerMemberBadgeAndSubject() {
    BadgeAward first = new BadgeAward(asker, "nice-answer", BadgeTier.BRONZE, "post:1", NOW);
    BadgeAward second = new BadgeAward(asker, "nice-answer", BadgeTier.BRONZE, "post:2", NOW.plusSeconds(1));
    BadgeAward once = new BadgeAward(asker, "student", BadgeTier.BRONZE, "", NOW.minusSeconds(1));
    store.badges().insert(first);
    store.badges().insert(second);
    store.badges().insert(once);

    assertThatThrownBy(() -> store.badges().insert(first)).isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("cm_badge_award(member_id, badge, subject)");
    assertThat(store.badges().find(asker, "student", "")).contains(once);
    assertThat(store.badges().find(asker, "student", "post:1")).isEmpty();
    assertThat(store.badges().list(asker)).containsExactly(once, first, second);
  }

  private List<TopicId> listed(QuestionState state) {
    return store.topics().list(new TopicQuery(space, ListingOrder.LATEST, Set.of(TopicStatus.OPEN), Optional.empty(),
        Optional.empty(), 10, state)).stream().map(Topic::id).toList();
  }

  private TopicId topic(String title) {
    TopicId id = store.topics().insert(new NewTopic(space, SpaceKind.QUESTIONS, title, List.of("wifi"), asker, false,
        0, NOW)).id();
    store.posts().insert(new NewPost(id, space, asker, false, true, content(), PostStatus.PUBLISHED, NOW));
    return id;
  }

  private PostId reply(TopicId topic, double wilson) {
    PostId id = store.posts().insert(new NewPost(topic, space, member("m" + wilson + System.nanoTime()), false,
        false, content(), PostStatus.PUBLISHED, NOW)).id();
    assertThat(store.posts().updateWilson(id, wilson)).isTrue();
    return id;
  }

  private static PostContent content() {
    return new PostContent("body", "<p>body</p>", 1, Optional.empty());
  }

  private MemberId member(String name) {
    return store.members().insert(new NewMember(name, new MemberProfile(name, Optional.empty(), Set.of(),
        Optional.empty(), Optional.empty()), 1, NOW,
        name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"))).id();
  }
}
