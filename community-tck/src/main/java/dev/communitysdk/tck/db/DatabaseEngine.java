package dev.communitysdk.tck.db;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The databases the SDK supports, and where tests find a server for each. */
public enum DatabaseEngine {
  /** H2 in memory: always available, nothing to configure. */
  H2(null, null),
  /** PostgreSQL 13+, at the JDBC URL in {@code COMMUNITY_TEST_POSTGRES_URL}. */
  POSTGRESQL("COMMUNITY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
  /** MariaDB 10.6+, at the JDBC URL in {@code COMMUNITY_TEST_MARIADB_URL}. */
  MARIADB("COMMUNITY_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

  private final Optional<String> urlVariable;
  private final Optional<String> exampleUrl;

  DatabaseEngine(@Nullable String urlVariable, @Nullable String exampleUrl) {
    this.urlVariable = Optional.ofNullable(urlVariable);
    this.exampleUrl = Optional.ofNullable(exampleUrl);
  }

  /** @return the environment variable holding the server's JDBC URL; empty for H2, which needs no server */
  public Optional<String> urlVariable() {
    return urlVariable;
  }

  /** @return an example of the URL the variable holds, user included; empty for H2 */
  public Optional<String> exampleUrl() {
    return exampleUrl;
  }
}
