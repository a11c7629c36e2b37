package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.tck.db.TestDatabase;
import java.util.List;

/**
 * Prints the SQL the SDK executes for one up vote on an answer, the list the raw-JDBC side of {@link VoteBenchmark}
 * mirrors. Run with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.communitysdk.benchmarks.vote.CaptureVoteStatements}; PostgreSQL too when {@code COMMUNITY_TEST_POSTGRES_URL} is
 * set.
 */
public final class CaptureVoteStatements {
  private CaptureVoteStatements() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    for (Engine engine : Engine.values()) {
      if (engine.unavailableReason().isPresent()) {
        System.out.println("== " + engine + ": skipped, " + engine.unavailableReason().orElseThrow());
        continue;
      }
      try (TestDatabase db = engine.open()) {
        SqlLog log = new SqlLog();
        try (VoteScene scene = VoteScene.seed(log.wrap(db.dataSource()), 2)) {
          PostId answer = scene.newAnswer();
          // The first vote warms the caches (members, identities) the way the benchmark's warm-up does.
          scene.community().votes().up(scene.voter(0), answer);
          log.start();
          scene.community().votes().up(scene.voter(1), answer);
          print(engine, log.stop());
        }
      }
    }
  }

  private static void print(Engine engine, List<String> statements) {
    System.out.println("== " + engine + ": " + statements.size() + " lines for one up vote");
    for (int i = 0; i < statements.size(); i++) {
      System.out.printf("%2d  %s%n", i + 1, statements.get(i));
    }
  }
}
