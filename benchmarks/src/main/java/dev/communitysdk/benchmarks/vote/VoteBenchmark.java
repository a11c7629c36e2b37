package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.tck.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Up votes on an answer per second, through the SDK and through the same statements in raw JDBC, on one thread and on
 * 16 threads voting on one hot post.
 *
 * <p>Each invocation is a first up vote by a voter who has not voted on the post: a shared counter hands out voters,
 * so no two invocations collide on the (voter, post) key and none is a no-op. Each measurement (and warm-up)
 * iteration votes on a fresh answer, so that a post never has more votes than there are voters; the voter pool
 * ({@code -p voters}) must exceed one iteration's votes, and an iteration that runs out fails loudly rather than
 * measuring conflicts. After every iteration the answer's score, its {@code up_votes} counter, its vote rows and the
 * votes handed out must all agree — zero lost votes — and the check is printed.
 *
 * <p>PostgreSQL runs only when {@code COMMUNITY_TEST_POSTGRES_URL} is set; otherwise its trials fail at set-up with
 * the reason (JMH reports it and carries on with the next trial).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class VoteBenchmark {
  /** The database. */
  @Param({"H2", "POSTGRESQL"})
  public String engine;

  /** Who votes: {@code SDK} or {@code JDBC}. */
  @Param({"SDK", "JDBC"})
  public String side;

  /** Distinct voters seeded before the run; more than one iteration casts. */
  @Param({"40000"})
  public int voters;

  private TestDatabase db;
  private VoteScene scene;
  private Side.Voter voter;
  private final AtomicInteger handedOut = new AtomicInteger();
  private volatile PostId answer;

  /** Opens a fresh database, seeds the scene and casts one warming vote, outside the measurement. */
  @Setup(Level.Trial)
  public void open() {
    Engine database = Engine.valueOf(engine);
    db = database.open();
    scene = VoteScene.seed(db.dataSource(), voters);
    voter = Side.valueOf(side).voter(scene, db, database);
    // The first vote of the day creates the author's rollup rows and the tag group; later ones only add to them.
    scene.community().votes().up(scene.voter(0), scene.newAnswer());
  }

  /** A fresh answer per iteration, and the voter pool from the start. */
  @Setup(Level.Iteration)
  public void freshAnswer() {
    answer = scene.newAnswer();
    handedOut.set(0);
  }

  /** Zero lost votes: score, up-vote counter, vote rows and votes cast agree. */
  @TearDown(Level.Iteration)
  public void checkNoLostVotes() throws SQLException {
    long cast = Math.min(handedOut.get(), voters);
    long[] counted = count(answer.value());
    String line = String.format("[%s %s] post %d: votes cast %d, score %d, up_votes %d, vote rows %d", engine, side,
        answer.value(), cast, counted[0], counted[1], counted[2]);
    if (counted[0] != cast || counted[1] != cast || counted[2] != cast) {
      throw new IllegalStateException("lost votes: " + line);
    }
    System.out.println(line + ": zero lost votes");
  }

  /** Closes the community and drops the database. */
  @TearDown(Level.Trial)
  public void close() {
    if (scene != null) {
      scene.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** @return the new score, so that JMH keeps the call */
  @Benchmark
  @Threads(1)
  public long oneThread() {
    return vote();
  }

  /** @return the new score, so that JMH keeps the call */
  @Benchmark
  @Threads(16)
  public long hotPost16Threads() {
    return vote();
  }

  private long vote() {
    int index = handedOut.getAndIncrement();
    if (index >= voters) {
      throw new IllegalStateException("all " + voters + " voters have voted on this iteration's answer: raise -p "
          + "voters or shorten the iteration");
    }
    return voter.up(scene.voter(index), answer);
  }

  private long[] count(long postId) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("select p.score, p.up_votes, (select count(*) from cm_vote v"
            + " where v.post_id = p.id) from cm_post p where p.id = ?")) {
      s.setLong(1, postId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
      }
    }
  }
}
