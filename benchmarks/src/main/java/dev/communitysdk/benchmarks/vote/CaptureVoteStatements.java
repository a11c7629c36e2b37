package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.tck.db.TestDatabase;
import java.util.ArrayList;
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
  private static final int WARM_UP = 500;

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
        try (VoteScene scene = VoteScene.seed(log.wrap(db.dataSource()), WARM_UP + between + 2 * WINDOW)) {
          // Warm the JIT and the caches on another author's answer, so that the early window is not cold code.
          PostId warm = scene.newAnswer();
          int next = 0;
          for (; next < WARM_UP; next++) {
            scene.community().votes().up(scene.voter(next), warm);
          }
          PostId answer = scene.newAnswer();
          print(engine, "votes 1-" + WINDOW + " of the author's day", window(scene, answer, log, next));
          next += WINDOW;
          for (int end = next + between; next < end; next++) {
            scene.community().votes().up(scene.voter(next), answer);
          }
          print(engine, "after " + between + " more", window(scene, answer, log, next));
        }
      }
    }
  }

  /** The statements of the window's last vote, and the mean microseconds of each over the votes that ran them all. */
  private record Window(List<String> statements, double[] micros, int votes) {}

  /** A vote that crosses a badge threshold runs a few more statements; only votes shaped like the last are counted. */
  private static Window window(VoteScene scene, PostId answer, SqlLog log, int firstVoter) {
    List<List<SqlLog.Executed>> votes = new ArrayList<>();
    for (int i = 0; i < WINDOW; i++) {
      log.start();
      scene.community().votes().up(scene.voter(firstVoter + i), answer);
      votes.add(log.stop());
    }
    List<String> shape = sqlOf(votes.get(votes.size() - 1));
    double[] micros = new double[shape.size()];
    int counted = 0;
    for (List<SqlLog.Executed> vote : votes) {
      if (sqlOf(vote).equals(shape)) {
        counted++;
        for (int s = 0; s < vote.size(); s++) {
          micros[s] += vote.get(s).nanos() / 1e3;
        }
      }
    }
    for (int s = 0; s < micros.length; s++) {
      micros[s] /= counted;
    }
    return new Window(shape, micros, counted);
  }

  private static List<String> sqlOf(List<SqlLog.Executed> vote) {
    return vote.stream().map(SqlLog.Executed::sql).toList();
  }

  private static void print(Engine engine, String when, Window window) {
    System.out.printf("== %s, %s: %d calls per up vote, mean µs per call over %d votes%n", engine, when,
        window.statements().size(), window.votes());
    for (int i = 0; i < window.statements().size(); i++) {
      System.out.printf("%2d %8.1f  %s%n", i + 1, window.micros()[i], window.statements().get(i));
    }
  }
}
