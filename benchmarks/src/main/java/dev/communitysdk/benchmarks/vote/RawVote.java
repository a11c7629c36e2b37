package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.core.ranking.Wilson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * One first up vote on a published answer by someone other than its author, written by hand: the statements the SDK
 * executes for {@code votes().up} (captured by {@link CaptureVoteStatements}), in the same order, in one transaction,
 * reading and writing the same rows through the same indexes. What a careful hand-writer could skip is left in on
 * purpose, so that the ratio measures the SDK's overhead per statement, not a different plan; the SQL that could go
 * is listed in {@code docs/BENCHMARKS.md}. Only the answer path is mirrored (no answer-count change, no opening post,
 * no previous vote; the answer-score badges checked as the SDK checks them), which is the path the benchmark
 * takes. Thread-safe.
 */
final class RawVote {
  private static final String SELECT_MEMBER = "select id, external_id, display_name, email, roles, customer_account_id,"
      + " locale, status, reputation, created_at from cm_member where id = ?";
  private static final String SELECT_POST = "select id, topic_id, space_id, author_id, anonymous, opening, body_source,"
      + " body_html, render_version, sentiment_score, sentiment_label, status, score, up_votes, down_votes, created_at,"
      + " updated_at, version, wilson from cm_post where id = ?";
  private static final String SELECT_TOPIC = "select id, space_id, kind, title, author_id, anonymous, status,"
      + " reply_count, score, hot, last_activity_at, created_at, updated_at, version, accepted_answer_id, answer_count,"
      + " question_state from cm_topic where id = ?";
  private static final String SELECT_TAGS =
      "select topic_id, tag from cm_topic_tag where topic_id in (?) order by topic_id, tag_order";
  private static final String SELECT_SPACE = "select id, slug, name, description, kind, visibility, moderation_mode,"
      + " allow_anonymous, access_roles, created_at from cm_space where id = ?";
  private static final String SELECT_VOTE =
      "select post_id, member_id, direction, cast_at from cm_vote where post_id = ? and member_id = ?";
  private static final String ADD_VOTES = "update cm_post set up_votes = up_votes + ?, down_votes = down_votes + ?,"
      + " score = score + ? where id = ?";
  private static final String SELECT_SCORE = "select score from cm_post where id = ?";
  private static final String UPDATE_WILSON = "update cm_post set wilson = ? where id = ?";
  private static final String INSERT_VOTE =
      "insert into cm_vote (post_id, member_id, direction, cast_at) values (?, ?, ?, ?)";
  private static final String INSERT_EVENT = "insert into cm_outbox (type, schema_version, aggregate_type,"
      + " aggregate_id, payload, occurred_at) values (?, ?, ?, ?, ?, ?)";
  private static final String LOCK_REPUTATION = "select reputation from cm_member where id = ? for update";
  private static final String SUM_CAPPED_TODAY = "select sum(delta) from cm_reputation where member_id = ?"
      + " and occurred_at >= ? and occurred_at < ? and reason in (?, ?, ?)";
  private static final String INSERT_ENTRY = "insert into cm_reputation (member_id, delta, reason, reversal,"
      + " source_key, caused_by, space_id, topic_id, post_id, tags, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String TAG_GROUP_KNOWN =
      "select exists (select 1 as one from cm_reputation_tag_group where tag = ? and scope = ?)";
  private static final String ADD_TO_ROLLUP = "update cm_reputation_rollup set delta_sum = delta_sum + ?,"
      + " entry_units = entry_units + ? where scope = ? and member_id = ? and day_utc = ? and reason = ?";
  private static final String INSERT_ROLLUP = "insert into cm_reputation_rollup (scope, member_id, day_utc, reason,"
      + " delta_sum, entry_units) values (?, ?, ?, ?, ?, 1)";
  private static final String ADD_REPUTATION = "update cm_member set reputation = reputation + ? where id = ?";
  private static final String SELECT_REPUTATION = "select reputation from cm_member where id = ?";
  private static final String SELECT_BADGE = "select id, member_id, badge, tier, subject, awarded_at from cm_badge_award"
      + " where member_id = ? and badge = ? and subject = ?";
  private static final String INSERT_BADGE =
      "insert into cm_badge_award (member_id, badge, tier, subject, awarded_at) values (?, ?, ?, ?, ?)";
  /** The answer-score badges: id, tier, score; the SDK checks every one the score has reached, on every vote. */
  private static final List<Object[]> SCORE_BADGES = List.of(
      new Object[] {"nice-answer", "BRONZE", 10L}, new Object[] {"good-answer", "SILVER", 25L},
      new Object[] {"great-answer", "GOLD", 50L});

  private final DataSource dataSource;
  private final Engine engine;
  private final long upvoteGain;

  /**
   * @param dataSource the database the scene was seeded in
   * @param engine its engine, for the one statement whose syntax differs (insert returning the new id)
   * @param upvoteGain the reputation an up vote gives, from the scene's rules; the daily cap is out of reach
   */
  RawVote(DataSource dataSource, Engine engine, long upvoteGain) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.upvoteGain = upvoteGain;
  }

  /**
   * @param voterId the voter, who has not voted on the post
   * @param postId a published answer by someone else
   * @return the post's new score
   */
  long up(long voterId, long postId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long score = up(c, voterId, postId);
        c.commit();
        return score;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("raw vote by " + voterId + " on post " + postId + " failed", e);
    }
  }

  private long up(Connection c, long voterId, long postId) throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    // Reads: the voter (active?), the post and its topic, tags and space (visible, votable?), an earlier vote.
    queryRow(c, SELECT_MEMBER, voterId);
    long topicId;
    long spaceId;
    long authorId;
    try (PreparedStatement s = c.prepareStatement(SELECT_POST)) {
      s.setLong(1, postId);
      try (ResultSet r = single(s, "post " + postId)) {
        topicId = r.getLong("topic_id");
        spaceId = r.getLong("space_id");
        authorId = r.getLong("author_id");
      }
    }
    queryRow(c, SELECT_TOPIC, topicId);
    List<String> tags = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SELECT_TAGS)) {
      s.setLong(1, topicId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          tags.add(r.getString("tag"));
        }
      }
    }
    queryRow(c, SELECT_SPACE, spaceId);
    try (PreparedStatement s = c.prepareStatement(SELECT_VOTE)) {
      s.setLong(1, postId);
      s.setLong(2, voterId);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          throw new IllegalStateException("member " + voterId + " already voted on post " + postId);
        }
      }
    }
    // Counters, then the Wilson rank from the re-read counts, then the vote row.
    update(c, ADD_VOTES, 1L, 0L, 1L, postId);
    long score = queryLong(c, SELECT_SCORE, postId);
    long up;
    long down;
    try (PreparedStatement s = c.prepareStatement(SELECT_POST)) {
      s.setLong(1, postId);
      try (ResultSet r = single(s, "post " + postId)) {
        up = r.getLong("up_votes");
        down = r.getLong("down_votes");
      }
    }
    update(c, UPDATE_WILSON, Wilson.lowerBound(up, down), postId);
    update(c, INSERT_VOTE, postId, voterId, (short) 1, at);
    String payload = "{\"postId\":" + postId + ",\"topicId\":" + topicId + ",\"voterId\":" + voterId
        + ",\"direction\":\"UP\",\"score\":" + score + "}";
    long eventId = insertReturningId(c, INSERT_EVENT, "vote.cast", 1, "topic", topicId, payload, at);
    // The author's reputation: lock the total, check the daily cap, append the entry, its rollups, the total.
    queryLong(c, LOCK_REPUTATION, authorId);
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    queryLong(c, SUM_CAPPED_TODAY, authorId, day.atStartOfDay(), day.plusDays(1).atStartOfDay(),
        "POST_UPVOTED", "IDEA_UPVOTED", "REVIEW_HELPFUL");
    insertReturningId(c, INSERT_ENTRY, authorId, upvoteGain, "POST_UPVOTED", false,
        "event:" + eventId + ":post_upvoted", voterId, spaceId, topicId, postId, String.join(",", tags), at);
    List<String> scopes = new ArrayList<>(List.of("all", "s:" + spaceId));
    if (!tags.isEmpty()) {
      TreeSet<String> group = new TreeSet<>(tags);
      String scope = "g:" + String.join(",", group);
      scopes.add(scope);
      if (!queryExists(c, TAG_GROUP_KNOWN, group.first(), scope)) {
        throw new IllegalStateException("the scene's first vote registers the tag group " + scope);
      }
    }
    for (String scope : scopes) {
      if (update(c, ADD_TO_ROLLUP, upvoteGain, 1L, scope, authorId, day, "POST_UPVOTED") == 0) {
        update(c, INSERT_ROLLUP, scope, authorId, day, "POST_UPVOTED", upvoteGain);
      }
    }
    update(c, ADD_REPUTATION, upvoteGain, authorId);
    queryLong(c, SELECT_REPUTATION, authorId);
    awardScoreBadges(c, authorId, postId, score, at);
    return score;
  }

  /** Looks up each badge the score has reached and, the once it is missing, awards it with its event. */
  private void awardScoreBadges(Connection c, long authorId, long postId, long score, LocalDateTime at)
      throws SQLException {
    String subject = "post:" + postId;
    for (Object[] badge : SCORE_BADGES) {
      if (score < (Long) badge[2]) {
        continue;
      }
      try (PreparedStatement s = bind(c.prepareStatement(SELECT_BADGE), authorId, badge[0], subject);
          ResultSet r = s.executeQuery()) {
        if (r.next()) {
          continue;
        }
      }
      update(c, INSERT_BADGE, authorId, badge[0], badge[1], subject, at);
      String payload = "{\"memberId\":" + authorId + ",\"badge\":\"" + badge[0] + "\",\"tier\":\"" + badge[1]
          + "\",\"subject\":\"" + subject + "\"}";
      insertReturningId(c, INSERT_EVENT, "badge.awarded", 1, "member", authorId, payload, at);
    }
  }

  private long insertReturningId(Connection c, String insert, Object... values) throws SQLException {
    // The SDK's jOOQ renders H2's data-change delta table and PostgreSQL's RETURNING; so does this.
    String sql = engine == Engine.H2 ? "select id from final table (" + insert + ")" : insert + " returning id";
    return queryLong(c, sql, values);
  }

  private static void queryRow(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      single(s, sql).close();
    }
  }

  private static long queryLong(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = bind(c.prepareStatement(sql), values); ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        throw new IllegalStateException("no row from " + sql);
      }
      return r.getLong(1);
    }
  }

  private static boolean queryExists(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = bind(c.prepareStatement(sql), values); ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }

  private static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = bind(c.prepareStatement(sql), values)) {
      return s.executeUpdate();
    }
  }

  private static ResultSet single(PreparedStatement s, String what) throws SQLException {
    ResultSet r = s.executeQuery();
    if (!r.next()) {
      r.close();
      throw new IllegalStateException("not found: " + what);
    }
    return r;
  }

  private static PreparedStatement bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
    return s;
  }
}
