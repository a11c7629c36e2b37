package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.tck.db.TestDatabase;
import java.util.List;

/**
 * Prints the SQL the SDK executes for one up vote on an answer — the list {@link RawVote} mirrors — with the average
 * time of each call over a window of votes early in the author's day and again after many more votes for the same
 * author, which shows which statements grow with the day's votes. Runs on H2, and on PostgreSQL when
 * {@code COMMUNITY_TEST_POSTGRES_URL} is set:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.communitysdk.benchmarks.vote.CaptureVoteStatements [votesBetween]
 * }</pre>
 */
public final class CaptureVoteStatements {
  private static final int WINDOW = 100;

  private CaptureVoteStatements() {}

  /**
   * @param args optionally, how many votes the author receives between the two windows (default 3000)
   */
  public static void main(String[] args) {
    int between = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    for (Engine engine : Engine.values()) {
      if (engine.unavailableReason().isPresent()) {
        System.out.println("== " + engine + ": skipped, " + engine.unavailableReason().orElseThrow());
        continue;
      }
      try (TestDatabase db = engine.open()) {
        SqlLog log = new SqlLog();
        try (VoteScene scene = VoteScene.seed(log.wrap(db.dataSource()), 1 + between + 2 * WINDOW)) {
          PostId answer = scene.newAnswer();
          // The author's first vote of the day creates the rollup rows, and warms the caches as the benchmark does.
          scene.community().votes().up(scene.voter(0), answer);
          int next = 1;
          long[] early = window(scene, answer, log, next);
          next += WINDOW;
          for (int end = next + between; next < end; next++) {
            scene.community().votes().up(scene.voter(next), answer);
          }
          long[] late = window(scene, answer, log, next);
          print(engine, between, log.lastStatements(), early, late);
        }
      }
    }
  }

  /** @return per statement position, the total nanoseconds over the window */
  private static long[] window(VoteScene scene, PostId answer, SqlLog log, int firstVoter) {
    long[] totals = null;
    for (int i = 0; i < WINDOW; i++) {
      log.start();
      scene.community().votes().up(scene.voter(firstVoter + i), answer);
      List<SqlLog.Executed> executed = log.stop();
      if (totals == null) {
        totals = new long[executed.size()];
      }
      for (int s = 0; s < executed.size(); s++) {
        totals[s] += executed.get(s).nanos();
      }
    }
    return totals;
  }

  private static void print(Engine engine, int between, List<SqlLog.Executed> statements, long[] early,
      long[] late) {
    System.out.printf("== %s: %d calls for one up vote; mean µs per call over %d votes, early in the author's day"
        + " and after %d more%n", engine, statements.size(), WINDOW, between);
    for (int i = 0; i < statements.size(); i++) {
      System.out.printf("%2d %8.1f %8.1f  %s%n", i + 1, early[i] / 1e3 / WINDOW, late[i] / 1e3 / WINDOW,
          statements.get(i).sql());
    }
  }
}
