package dev.communitysdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.memory.InMemoryCommunityStore;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.identity.Identity;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.tck.db.DatabaseEngine;
import dev.communitysdk.tck.db.TestDatabase;
import dev.communitysdk.tck.fixtures.MutableClock;

/**
 * The directory on H2 always, and on PostgreSQL and MariaDB when {@code COMMUNITY_TEST_POSTGRES_URL} and
 * {@code COMMUNITY_TEST_MARIADB_URL} are set (otherwise those runs are aborted by an assumption that names the
 * variable).
 */
final class JdbcUserDirectoryTest {
  private TestDatabase database;
  private final AtomicInteger queries = new AtomicInteger();

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private DataSource open(DatabaseEngine engine, String... statements) {
    database = TestDatabase.open(engine);
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counting(database.dataSource());
  }

  /** The data source, counting the statements prepared on its connections. */
  private DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection connection = (Connection) result;
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("prepareStatement")) {
                  queries.incrementAndGet();
                }
                return invoke(connection, m, a);
              });
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String[] defaultShape(String... rows) {
    List<String> sql = new ArrayList<>(List.of("CREATE TABLE app_user (id VARCHAR(64) PRIMARY KEY, "
        + "display_name VARCHAR(200), email VARCHAR(200), customer_account_id VARCHAR(64), locale VARCHAR(20), "
        + "role_names VARCHAR(200))"));
    for (String row : rows) {
      sql.add("INSERT INTO app_user VALUES " + row);
    }
    return sql.toArray(String[]::new);
  }

  private static MemberProfile profile(String name, Optional<String> email, Optional<String> account,
      Optional<String> locale, Role... roles) {
    return new MemberProfile(name, email, java.util.Set.of(roles), account, locale);
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void lookup_batch_readsEveryKnownUserInOneQuery(DatabaseEngine engine) {
    DataSource users = open(engine, defaultShape(
        "('u1', 'Alice Liddell', 'alice@example.com', 'acme', 'en-GB', 'Expert, employee,gardener')",
        "('u2', NULL, NULL, NULL, NULL, NULL)",
        "('u3', 'Carol', '', 'globex', 'de', '')"));
    JdbcUserDirectory directory = JdbcUserDirectory.builder(users).build();

    Map<String, Identity> found = directory.lookup(List.of("u1", "u2", "u3", "ghost", "u1"));

    assertThat(queries).hasValue(1);
    assertThat(found).containsOnlyKeys("u1", "u2", "u3");
    assertThat(found.get("u1").profile()).isEqualTo(profile("Alice Liddell", Optional.of("alice@example.com"),
        Optional.of("acme"), Optional.of("en-GB"), Role.EXPERT, Role.EMPLOYEE));
    assertThat(found.get("u2").profile()).as("no name: the user id stands in")
        .isEqualTo(profile("u2", Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(found.get("u3").profile().email()).isEmpty();
    assertThat(found.get("u3").profile().roles()).containsExactly(Role.MEMBER);
    assertThat(directory.lookup("ghost")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void lookup_rolesFromAJoinTable_mapsHostRoleNames(DatabaseEngine engine) {
    DataSource users = open(engine,
        "CREATE TABLE portal_user (login VARCHAR(64) PRIMARY KEY, full_name VARCHAR(200), company VARCHAR(64))",
        "CREATE TABLE portal_user_role (login VARCHAR(64), role VARCHAR(32))",
        "INSERT INTO portal_user VALUES ('ann', 'Ann Agent', 'acme'), ('max', 'Max', NULL)",
        "INSERT INTO portal_user_role VALUES ('ann', 'support_agent'), ('ann', 'MODERATOR'), ('ann', 'billing')");
    JdbcUserDirectory directory = JdbcUserDirectory.builder(users)
        .table("portal_user").idColumn("login").displayNameColumn("full_name").accountColumn("company")
        .emailColumn(null).localeColumn(null)
        .rolesFromTable("portal_user_role", "login", "role").mapRole("Support_Agent", Role.EMPLOYEE)
        .build();

    Map<String, Identity> found = directory.lookup(List.of("ann", "max"));

    assertThat(queries).hasValue(1);
    assertThat(found.get("ann").profile()).isEqualTo(profile("Ann Agent", Optional.empty(), Optional.of("acme"),
        Optional.empty(), Role.EMPLOYEE, Role.MODERATOR));
    assertThat(found.get("max").profile().roles()).containsExactly(Role.MEMBER);
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void lookup_numericIds_bindsNumbersAndSkipsOtherIds(DatabaseEngine engine) {
    DataSource users = open(engine,
        "CREATE TABLE staff (id BIGINT PRIMARY KEY, name VARCHAR(200))",
        "INSERT INTO staff VALUES (7, 'Seven'), (8, 'Eight')");
    JdbcUserDirectory directory = JdbcUserDirectory.builder(users).table("staff").numericIds()
        .displayNameColumn("name").emailColumn(null).accountColumn(null).localeColumn(null).rolesColumn(null).build();

    assertThat(directory.lookup(List.of("7", "not-a-number", "9"))).containsOnlyKeys("7");
    assertThat(directory.lookup(List.of("not-a-number"))).isEmpty();
    assertThat(queries).as("no query for a batch without a number").hasValue(1);
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void lookup_largeBatch_takesOneQueryPerFiveHundredIds(DatabaseEngine engine) {
    DataSource users = open(engine, defaultShape("('u1', 'One', NULL, NULL, NULL, NULL)",
        "('u700', 'Seven hundred', NULL, NULL, NULL, NULL)"));
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 1001; i++) {
      ids.add("u" + i);
    }

    assertThat(JdbcUserDirectory.builder(users).build().lookup(ids)).containsOnlyKeys("u1", "u700");
    assertThat(queries).hasValue(3);
  }

  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void community_hostTableChanges_reachTheMemberOnRefresh(DatabaseEngine engine) throws SQLException {
    DataSource users = open(engine, defaultShape("('u1', 'Alice', NULL, 'acme', NULL, 'member')"));
    try (Community community = Community.builder().store(InMemoryCommunityStore.create())
        .identity(JdbcUserDirectory.builder(users).build()).clock(MutableClock.create()).build()) {
      Actor alice = community.actor("u1");

      update("UPDATE app_user SET display_name = 'Alice Liddell', role_names = 'expert' WHERE id = 'u1'");
      assertThat(community.members().refresh("u1").memberId()).isEqualTo(alice.memberId());
      assertThat(community.members().profile(alice.memberId()))
          .hasValueSatisfying(author -> assertThat(author.displayName()).isEqualTo("Alice Liddell"));

      update("DELETE FROM app_user WHERE id = 'u1'");
      assertThatThrownBy(() -> community.members().refresh("u1")).isInstanceOf(NotFoundException.class);
    }
  }

  private void update(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  @org.junit.jupiter.api.Test
  void builder_nameThatIsNotAnIdentifier_isRejected() {
    JdbcUserDirectory.Builder builder = JdbcUserDirectory.builder(counting(new org.h2.jdbcx.JdbcDataSource()));

    assertThatThrownBy(() -> builder.table("users; DROP TABLE users")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table").hasMessageContaining("plain SQL identifier");
    assertThatThrownBy(() -> builder.rolesFromTable("roles", "user id", "role"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roleUserColumn");
    assertThatThrownBy(() -> builder.mapRole(" ", Role.ADMIN)).isInstanceOf(IllegalArgumentException.class);
  }
}
