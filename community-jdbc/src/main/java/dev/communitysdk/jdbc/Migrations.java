package dev.communitysdk.jdbc;

import dev.communitysdk.spi.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The shipped migration scripts, and the three ways to use them: apply with Flyway, check with Flyway, or export.
 * Flyway is optional, so every Flyway type stays in {@link FlywayMigrations}, which is loaded only once Flyway is
 * known to be on the classpath.
 */
final class Migrations {
  /**
   * Every script, in version order. Listing them beats scanning the classpath, which does not work the same inside
   * jars; a test checks that this list matches the resource folders.
   */
  static final List<String> SCRIPTS = List.of(
      "V1__core_schema.sql", "V2__questions_and_reputation.sql", "V3__sentiment.sql",
      "V4__topic_product.sql", "V5__ideas_and_reviews.sql", "V6__flags_and_sanctions.sql", "V7__space_access.sql",
      "V8__rate_limits_and_mentions.sql", "V9__audit_and_privacy.sql", "V10__crm_links.sql",
      "V11__escalation.sql", "V12__subscriptions_and_digests.sql");

  /** Flyway's history table for the community schema, apart from any history table the host keeps. */
  static final String HISTORY_TABLE = "cm_schema_history";

  private Migrations() {}

  static void migrate(DataSource dataSource, Database database) {
    requireFlyway(database, Migrations.class.getClassLoader(), "migrate()");
    FlywayMigrations.migrate(dataSource, database);
  }

  static void validate(DataSource dataSource, Database database) {
    requireFlyway(database, Migrations.class.getClassLoader(), "validate()");
    FlywayMigrations.validate(dataSource, database);
  }

  /** @return every script for the database in version order, each headed by a comment naming it */
  static String exportSql(Database database) {
    StringBuilder sql = new StringBuilder();
    for (String script : SCRIPTS) {
      String path = database.migrationsLocation() + "/" + script;
      sql.append("-- Community SDK migration ").append(script)
          .append(" (").append(database.name().toLowerCase(Locale.ROOT)).append(")\n");
      sql.append(read(path));
      if (sql.charAt(sql.length() - 1) != '\n') {
        sql.append('\n');
      }
      sql.append('\n');
    }
    return sql.toString();
  }

  /**
   * @throws StorageException naming the Maven artifacts to add, if Flyway or the database's Flyway module is missing
   */
  static void requireFlyway(Database database, ClassLoader loader, String operation) {
    List<String> missing = new ArrayList<>();
    if (!present("org.flywaydb.core.Flyway", loader)) {
      missing.add("org.flywaydb:flyway-core");
    }
    if (database == Database.POSTGRESQL
        && !present("org.flywaydb.database.postgresql.PostgreSQLDatabaseType", loader)) {
      missing.add("org.flywaydb:flyway-database-postgresql");
    }
    if (database == Database.MARIADB && !present("org.flywaydb.database.mysql.mariadb.MariaDBDatabaseType", loader)) {
      missing.add("org.flywaydb:flyway-mysql");
    }
    if (!missing.isEmpty()) {
      throw new StorageException(operation + " needs Flyway, which is an optional dependency of community-jdbc: add "
          + String.join(" and ", missing) + " to the application, or apply the scripts from exportSql() with your"
          + " own migration tool", null);
    }
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String read(String path) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + path + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read migration script " + path, e);
    }
  }
}
