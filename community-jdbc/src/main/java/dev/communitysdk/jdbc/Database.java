package dev.communitysdk.jdbc;

/** The database products the adapter supports, each with its own flavour of the migration scripts. */
public enum Database {
  /** H2 2.x, embedded or in memory. */
  H2("h2"),
  /** PostgreSQL 13 or later. */
  POSTGRESQL("postgresql"),
  /** MariaDB 10.6 or later (MySQL 8 runs the same scripts). */
  MARIADB("mariadb");

  private final String folder;

  Database(String folder) {
    this.folder = folder;
  }

  /** @return the classpath folder that holds this database's migration scripts, without a trailing slash */
  public String migrationsLocation() {
    return "db/community/" + folder;
  }
}
