package dev.communitysdk.jdbc;

import dev.communitysdk.spi.error.StorageException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that touches Flyway. Loaded only after {@link Migrations#requireFlyway} found it, so that hosts without
 * Flyway never load this class.
 */
final class FlywayMigrations {
  private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrations.class);

  private FlywayMigrations() {}

  static void migrate(DataSource dataSource, Database database) {
    try {
      MigrateResult result = flyway(dataSource, database).migrate();
      LOG.info("Community schema on {}: applied {} migration(s), now at version {}", database,
          result.migrationsExecuted, result.targetSchemaVersion);
    } catch (FlywayException e) {
      throw new StorageException("Migrating the community schema on " + database + " failed: " + e.getMessage(), e);
    }
  }

  static void validate(DataSource dataSource, Database database) {
    try {
      Flyway flyway = flyway(dataSource, database);
      MigrationInfo[] pending = flyway.info().pending();
      if (pending.length > 0) {
        String versions = Arrays.stream(pending)
            .map(m -> "V" + m.getVersion() + " (" + m.getDescription() + ")")
            .collect(Collectors.joining(", "));
        throw new StorageException("The community schema on " + database + " is behind: " + pending.length
            + " migration(s) not applied: " + versions + ". Run JooqCommunityStore.migrate(), or apply exportSql()"
            + " and record it in " + Migrations.HISTORY_TABLE, null);
      }
      ValidateResult result = flyway.validateWithResult();
      if (!result.validationSuccessful) {
        throw new StorageException("The community schema on " + database
            + " does not match the shipped migrations: " + result.getAllErrorMessages(), null);
      }
    } catch (FlywayException e) {
      throw new StorageException("Validating the community schema on " + database + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Its own history table, and a baseline at version 0 when the schema already holds the host's tables, so that the
   * community migrations live beside the host's own Flyway history without ever writing into it.
   */
  private static Flyway flyway(DataSource dataSource, Database database) {
    return Flyway.configure(FlywayMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .table(Migrations.HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("community schema baseline")
        .locations("classpath:" + database.migrationsLocation())
        .load();
  }
}
