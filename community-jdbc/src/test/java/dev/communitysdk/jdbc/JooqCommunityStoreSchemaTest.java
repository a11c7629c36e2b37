package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.QuestionState;
import dev.communitysdk.spi.model.RatingCounts;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schema modes on in-memory H2: migrate, validate, export; and what creating a store checks. */
final class JooqCommunityStoreSchemaTest {
  private final ScratchDatabase database = ScratchDatabase.h2();
  private final DataSource dataSource = database.dataSource();

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void create_onH2_detectsH2() {
    assertThat(JooqCommunityStore.create(dataSource).database()).isEqualTo(Database.H2);
  }

  @Test
  void create_onUnsupportedDatabase_throwsNamingTheProduct() {
    DataSource oracle = fakeDataSource("Oracle");

    assertThatThrownBy(() -> JooqCommunityStore.create(oracle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("H2, PostgreSQL and MariaDB")
        .hasMessageContaining("'Oracle'");
  }

  @Test
  void migrate_twice_isIdempotent() throws SQLException {
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);

    store.migrate();
    store.migrate();

    assertThat(historyVersions("cm_schema_history")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    store.validate();
  }

  @Test
  void migrate_fromV1WithData_addsV2WithDefaultsAndValidates() throws SQLException {
    Flyway.configure().dataSource(dataSource).table(Migrations.HISTORY_TABLE)
        .locations("classpath:" + Database.H2.migrationsLocation()).target("1").load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO cm_member (external_id, display_name, roles, status, created_at)"
          + " VALUES ('u1', 'U', 'MEMBER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_space (slug, name, description, kind, visibility, moderation_mode, allow_anonymous,"
          + " access_roles, created_at) VALUES ('q', 'Q', '', 'QUESTIONS', 'PUBLIC', 'AUTO', FALSE, '',"
          + " TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_topic (space_id, kind, title, author_id, anonymous, status, last_activity_at,"
          + " created_at, updated_at) VALUES (1, 'QUESTIONS', 'An old question', 1, FALSE, 'OPEN',"
          + " TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
    }
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);

    store.migrate();

    assertThat(historyVersions("cm_schema_history")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    store.validate();
    Topic old = store.topics().find(new TopicId(1)).orElseThrow();
    assertThat(old.acceptedAnswerId()).isEmpty();
    assertThat(old.answerCount()).isZero();
    assertThat(store.topics().list(new TopicQuery(new SpaceId(1), ListingOrder.LATEST, Set.of(TopicStatus.OPEN),
        Optional.empty(), Optional.empty(), 10, QuestionState.UNANSWERED))).extracting(Topic::id)
        .containsExactly(new TopicId(1));
  }

  @Test
  void migrate_fromV2WithData_addsV3WithZeroTotalsAndValidates() throws SQLException {
    Flyway.configure().dataSource(dataSource).table(Migrations.HISTORY_TABLE)
        .locations("classpath:" + Database.H2.migrationsLocation()).target("2").load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO cm_member (external_id, display_name, roles, status, created_at)"
          + " VALUES ('u1', 'U', 'MEMBER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_space (slug, name, description, kind, visibility, moderation_mode, allow_anonymous,"
          + " access_roles, created_at) VALUES ('d', 'D', '', 'DISCUSSION', 'PUBLIC', 'AUTO', FALSE, '',"
          + " TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_topic (space_id, kind, title, author_id, anonymous, status, last_activity_at,"
          + " created_at, updated_at) VALUES (1, 'DISCUSSION', 'An old topic', 1, FALSE, 'OPEN',"
          + " TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
    }
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);

    store.migrate();

    assertThat(historyVersions("cm_schema_history")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    store.validate();
    assertThat(store.topics().find(new TopicId(1)).orElseThrow().title()).isEqualTo("An old topic");
    assertThat(store.sentiment().mostNegativeOpenTopics(new SpaceId(1), 0, 10)).as("no post counted yet").isEmpty();
    assertThat(store.sentiment().activeScopes(SentimentScopeKind.COMMUNITY, LocalDate.EPOCH, 10)).isEmpty();
  }

  @Test
  void migrate_fromV5WithData_addsV8WithAHandlePerMemberAndValidates() throws SQLException {
    Flyway.configure().dataSource(dataSource).table(Migrations.HISTORY_TABLE)
        .locations("classpath:" + Database.H2.migrationsLocation()).target("5").load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String user : List.of("u1", "u2")) {
        s.execute("INSERT INTO cm_member (external_id, display_name, roles, status, created_at)"
            + " VALUES ('" + user + "', 'Same Name', 'MEMBER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
      }
    }
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);

    store.migrate();

    assertThat(historyVersions("cm_schema_history")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    store.validate();
    assertThat(store.members().findByHandles(List.of("member_1", "member_2"))).extracting(Member::externalId)
        .containsExactlyInAnyOrder("u1", "u2");
  }

  @Test
  void migrate_fromV4WithData_addsV5WithDefaultRulesAndValidates() throws SQLException {
    Flyway.configure().dataSource(dataSource).table(Migrations.HISTORY_TABLE)
        .locations("classpath:" + Database.H2.migrationsLocation()).target("4").load().migrate();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO cm_member (external_id, display_name, roles, status, created_at)"
          + " VALUES ('u1', 'U', 'MEMBER', 'ACTIVE', TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_space (slug, name, description, kind, visibility, moderation_mode, allow_anonymous,"
          + " access_roles, created_at) VALUES ('i', 'I', '', 'IDEAS', 'PUBLIC', 'AUTO', FALSE, '',"
          + " TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_topic (space_id, kind, title, author_id, anonymous, status, last_activity_at,"
          + " created_at, updated_at) VALUES (1, 'IDEAS', 'An old idea', 1, FALSE, 'OPEN',"
          + " TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_post (topic_id, space_id, author_id, anonymous, opening, body_source, body_html,"
          + " render_version, status, created_at, updated_at) VALUES (1, 1, 1, FALSE, TRUE, 'b', '<p>b</p>', 1,"
          + " 'PUBLISHED', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
      s.execute("INSERT INTO cm_revision (post_id, version, editor_id, title, body_source, edited_at)"
          + " VALUES (1, 1, 1, 'An old idea', 'a', TIMESTAMP '2026-01-01 00:00:00')");
    }
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);

    store.migrate();

    assertThat(historyVersions("cm_schema_history")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    store.validate();
    assertThat(store.spaces().find(new SpaceId(1)).orElseThrow().rules()).isEqualTo(SpaceRules.DEFAULT);
    assertThat(store.revisions().list(new PostId(1))).singleElement().extracting(Revision::stars)
        .isEqualTo(Optional.empty());
    assertThat(store.ideas().find(new TopicId(1))).as("no idea state yet").isEmpty();
    assertThat(store.reviews().spaceRating(new SpaceId(1))).isEqualTo(RatingCounts.NONE);
  }

  @Test
  void validate_onEmptySchema_failsSayingWhatToDo() {
    JooqCommunityStore store = JooqCommunityStore.create(dataSource);

    assertThatThrownBy(store::validate)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("community schema on H2 is behind")
        .hasMessageContaining("V1 (core schema)")
        .hasMessageContaining("V2 (questions and reputation)")
        .hasMessageContaining("V3 (sentiment)")
        .hasMessageContaining("V5 (ideas and reviews)")
        .hasMessageContaining("V7 (space access)")
        .hasMessageContaining("migrate()");
  }

  @Test
  void create_inValidateModeOnEmptySchema_failsFast() {
    JooqStoreOptions validate = JooqStoreOptions.defaults().withSchemaMode(SchemaMode.VALIDATE);

    assertThatThrownBy(() -> JooqCommunityStore.create(dataSource, validate))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("behind");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void exportSql_perDatabase_returnsEveryScriptInVersionOrder(Database target) {
    String sql = JooqCommunityStore.exportSql(target);

    assertThat(sql).startsWith("-- Community SDK migration V1__core_schema.sql (" + target.name().toLowerCase() + ")");
    assertThat(sql).contains("CREATE TABLE cm_member", "CREATE TABLE cm_outbox", "cm_topic_hot_ix");
    assertThat(sql).contains("-- Community SDK migration V2__questions_and_reputation.sql",
        "CREATE TABLE cm_reputation (", "CREATE TABLE cm_reputation_rollup", "CREATE TABLE cm_badge_award",
        "ADD COLUMN accepted_answer_id", "cm_post_rank_ix");
    assertThat(sql).contains("-- Community SDK migration V3__sentiment.sql", "CREATE TABLE cm_sentiment_day",
        "CREATE TABLE cm_sentiment_alert", "ADD COLUMN sentiment_mean", "cm_topic_sentiment_ix");
    assertThat(sql).contains("-- Community SDK migration V5__ideas_and_reviews.sql", "CREATE TABLE cm_idea (",
        "CREATE TABLE cm_idea_vote", "CREATE TABLE cm_review", "CREATE TABLE cm_product_rating",
        "ADD COLUMN idea_vote_budget", "cm_idea_top_ix", "cm_review_helpful_ix");
    assertThat(sql).contains("-- Community SDK migration V6__flags_and_sanctions.sql", "CREATE TABLE cm_flag (",
        "CREATE TABLE cm_post_flags", "CREATE TABLE cm_sanction", "cm_post_status_ix", "cm_sanction_member_ix");
    assertThat(sql).contains("-- Community SDK migration V7__space_access.sql", "CREATE TABLE cm_space_grant",
        "CREATE TABLE cm_space_member", "cm_space_member_member_ix");
    assertThat(sql).contains("-- Community SDK migration V8__rate_limits_and_mentions.sql",
        "CREATE TABLE cm_rate_counter", "CREATE TABLE cm_mention", "cm_member_handle_uk", "cm_post_render_ix");
    assertThat(sql).contains("-- Community SDK migration V10__crm_links.sql", "CREATE TABLE cm_crm_link",
        "cm_crm_link_member_fk");
    assertThat(sql).contains("-- Community SDK migration V11__escalation.sql", "ADD COLUMN escalation_sla_seconds",
        "CREATE TABLE cm_escalation", "cm_escalation_space_ix");
    assertThat(sql).contains("-- Community SDK migration V12__subscriptions_and_digests.sql",
        "CREATE TABLE cm_subscription", "CREATE TABLE cm_notification_preference", "CREATE TABLE cm_notification_digest",
        "CREATE TABLE cm_notification (", "cm_subscription_target_ix", "cm_notification_key_uk");
    int previous = -1;
    for (String script : Migrations.SCRIPTS) {
      int at = sql.indexOf("migration " + script);
      assertThat(at).as(script).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void exportSql_perDatabase_usesThatDatabasesTypes() {
    assertThat(JooqCommunityStore.exportSql(Database.MARIADB)).contains("ENGINE=InnoDB", "DATETIME(6)", "AUTO_INCREMENT");
    assertThat(JooqCommunityStore.exportSql(Database.POSTGRESQL)).contains("TEXT", "TIMESTAMP(6)")
        .doesNotContain("ENGINE=");
    assertThat(JooqCommunityStore.create(dataSource).exportSql())
        .isEqualTo(JooqCommunityStore.exportSql(Database.H2));
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void scriptList_inCode_matchesTheResourceFolder(Database target) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources", target.migrationsLocation()))) {
      // In version order, as Flyway applies them: V10 comes after V9, not after V1.
      assertThat(files.map(f -> f.getFileName().toString())
          .sorted(Comparator.comparingInt(JooqCommunityStoreSchemaTest::version)))
          .containsExactlyElementsOf(Migrations.SCRIPTS);
    }
  }

  private static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  @Test
  void requireFlyway_withoutFlyway_namesTheMissingArtifacts() {
    ClassLoader withoutFlyway = new ClassLoader(null) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
      }
    };

    assertThatThrownBy(() -> Migrations.requireFlyway(Database.POSTGRESQL, withoutFlyway, "migrate()"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("migrate() needs Flyway")
        .hasMessageContaining("org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql");
    assertThatThrownBy(() -> Migrations.requireFlyway(Database.MARIADB, withoutFlyway, "validate()"))
        .hasMessageContaining("org.flywaydb:flyway-mysql");
    Migrations.requireFlyway(Database.MARIADB, getClass().getClassLoader(), "migrate()");
  }

  private List<String> historyVersions(String table) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT \"version\" FROM \"" + table + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private static DataSource fakeDataSource(String product) {
    DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (method, args) ->
        method.equals("getDatabaseProductName") ? product : null);
    Connection connection = proxy(Connection.class, (method, args) ->
        method.equals("getMetaData") ? metaData : null);
    return proxy(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : null);
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (self, method, args) -> answer.answer(method.getName(), args)));
  }
}
