package dev.communitysdk.jdbc;

/** What {@link JooqCommunityStore#create(javax.sql.DataSource, JooqStoreOptions)} does to the schema. */
public enum SchemaMode {
  /** Applies pending migrations with Flyway before returning (see {@link JooqCommunityStore#migrate()}). */
  MIGRATE,
  /** Fails fast if the schema is behind the shipped migrations (see {@link JooqCommunityStore#validate()}). */
  VALIDATE,
  /**
   * Neither touches nor checks the schema: the host applies the scripts with its own tool (see
   * {@link JooqCommunityStore#exportSql()}), or calls {@code migrate()} or {@code validate()} itself.
   */
  EXTERNAL;
}
