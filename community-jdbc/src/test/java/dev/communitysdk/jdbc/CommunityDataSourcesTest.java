package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.NewMember;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HikariCP convenience pool, on in-memory H2. */
final class CommunityDataSourcesTest {
  @Test
  void hikari_withH2Url_givesAPoolTheStoreBorrowsButNeverCloses() {
    String url = "jdbc:h2:mem:cm-pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (HikariDataSource pool = CommunityDataSources.hikari(url, "sa", "")) {
      JooqCommunityStore store = JooqCommunityStore.create(pool, JooqStoreOptions.defaults()
          .withSchemaMode(SchemaMode.MIGRATE));

      store.members().insert(new NewMember("pooled", new MemberProfile("Pooled", Optional.empty(), Set.of(),
          Optional.empty(), Optional.empty()), 1, Instant.EPOCH, "pooled"));

      assertThat(store.members().findByExternalId("pooled")).isPresent();
      assertThat(pool.isClosed()).isFalse();
      assertThat(pool.getPoolName()).isEqualTo("community-sdk");
      assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }
}
