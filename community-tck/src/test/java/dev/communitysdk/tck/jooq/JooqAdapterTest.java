package dev.communitysdk.tck.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.communitysdk.jdbc.JooqCommunityStore;
import dev.communitysdk.jdbc.JooqStoreOptions;
import dev.communitysdk.jdbc.SchemaMode;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.db.TestDatabase;

/**
 * What the storage contract cannot say about the jOOQ adapter, on every database: migrations are idempotent, live
 * beside a host's own Flyway history, and timestamps survive the JVM's zone (the build runs tests in Europe/Berlin).
 */
class JooqAdapterTest {
  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void migrate_again_leavesSchemaValid(DatabaseEngine engine) {
    try (TestDatabase database = TestDatabase.open(engine)) {
      JooqCommunityStore store = JooqCommunityStore.create(database.dataSource());
      store.migrate();
      store.migrate();
      store.validate();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void migrate_besideHostFlywayHistory_neverTouchesIt(DatabaseEngine engine) {
    try (TestDatabase database = TestDatabase.open(engine)) {
      Flyway host = Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/hostapp").load();
      host.migrate();

      JooqCommunityStore store = JooqCommunityStore.create(database.dataSource(),
          JooqStoreOptions.defaults().withSchemaMode(SchemaMode.MIGRATE));

      assertThat(host.info().applied()).extracting(m -> m.getVersion().getVersion()).containsExactly("1");
      Flyway community = Flyway.configure().dataSource(database.dataSource()).table("cm_schema_history")
          .locations("classpath:" + store.database().migrationsLocation()).load();
      assertThat(community.info().applied()).extracting(m -> m.getVersion().getVersion()).startsWith("0", "1");
      assertThat(community.info().pending()).as("every community migration applied").isEmpty();
      assertThat(host.migrate().migrationsExecuted).isZero();
      host.validate();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void timestamps_inADaylightSavingGapOfTheJvmZone_roundTripUnchanged(DatabaseEngine engine) {
    // 02:30 on 29 March 2026 does not exist in Central Europe: a conversion through the JVM zone would shift it.
    Instant gap = Instant.parse("2026-03-29T02:30:00.000001Z");
    try (TestDatabase database = TestDatabase.open(engine)) {
      JooqCommunityStore store = JooqCommunityStore.create(database.dataSource());
      store.migrate();
      Member member = store.members().insert(new NewMember("dst-user",
          new MemberProfile("Dst", Optional.empty(), Set.of(), Optional.empty(), Optional.empty()), 1, gap, "dst_user"));
      assertThat(store.members().find(member.id()).orElseThrow().createdAt()).isEqualTo(gap);
    }
  }
}
