package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.tck.db.TestDatabase;
import java.util.Optional;

/** The databases the vote benchmark runs on, each a fresh database (H2) or schema (PostgreSQL) dropped afterwards. */
enum Engine {
  /** In-memory H2; always available. */
  H2,
  /** A fresh schema on the server {@code COMMUNITY_TEST_POSTGRES_URL} names. */
  POSTGRESQL;

  static final String POSTGRES_VARIABLE = "COMMUNITY_TEST_POSTGRES_URL";

  /** @return why this engine cannot run here, if it cannot */
  Optional<String> unavailableReason() {
    if (this == POSTGRESQL && postgresUrl().isEmpty()) {
      return Optional.of(POSTGRES_VARIABLE + " is not set (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
    }
    return Optional.empty();
  }

  /**
   * @return a fresh, empty database; its pool (HikariCP, 20 connections) serves both sides of the benchmark alike
   * @throws IllegalStateException if the engine is unavailable, with the reason
   */
  TestDatabase open() {
    unavailableReason().ifPresent(reason -> {
      throw new IllegalStateException(this + " skipped: " + reason);
    });
    return this == H2 ? TestDatabase.h2() : TestDatabase.postgresql(postgresUrl().orElseThrow());
  }

  private static Optional<String> postgresUrl() {
    return Optional.ofNullable(System.getenv(POSTGRES_VARIABLE)).map(String::strip).filter(url -> !url.isEmpty());
  }
}
