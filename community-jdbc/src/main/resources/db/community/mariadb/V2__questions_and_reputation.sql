-- Community SDK questions and reputation, MariaDB flavour (10.6+). Keep in step with the H2 script, from which the
-- jOOQ classes are generated: same tables, columns, nullability and indexes. Times are DATETIME(6); tables are InnoDB
-- utf8mb4 with a binary collation, as in V1. MariaDB before 10.8 parses DESC in an index and ignores it: the best
-- answers of one topic are then sorted, which stays cheap because only that topic's replies are read.

-- Question state. accepted_answer_id has no foreign key: an erased member's posts may be deleted, and the accepted
-- answer then simply points nowhere until core clears it. question_state is derived from the two columns beside it
-- (0 unanswered: no accepted answer and answer_count = 0; 1 answered; 2 solved) by the same UPDATE that moves them,
-- so that the unanswered and solved listings are range scans of an index that leads with it.
ALTER TABLE cm_topic ADD COLUMN accepted_answer_id BIGINT;
ALTER TABLE cm_topic ADD COLUMN answer_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE cm_topic ADD COLUMN question_state SMALLINT DEFAULT 0 NOT NULL;
CREATE INDEX cm_topic_state_latest_ix ON cm_topic (space_id, question_state, created_at, id);
CREATE INDEX cm_topic_state_active_ix ON cm_topic (space_id, question_state, last_activity_at, id);
CREATE INDEX cm_topic_state_top_ix ON cm_topic (space_id, question_state, score, id);
CREATE INDEX cm_topic_state_hot_ix ON cm_topic (space_id, question_state, hot, id);

-- Best answers first: Wilson lower bound descending, then id ascending, which this index serves without a sort.
ALTER TABLE cm_post ADD COLUMN wilson DOUBLE DEFAULT 0 NOT NULL;
CREATE INDEX cm_post_rank_ix ON cm_post (topic_id, wilson DESC, id);

-- The append-only reputation ledger. tags holds the topic's tags comma-joined (tags are [a-z0-9-]), empty for none.
-- The unique key makes an entry idempotent per cause; the indexes serve net (one cause), sum (a member's window),
-- list (a member's entries in id order) and the partial first day of a windowed leaderboard (occurred_at).
CREATE TABLE cm_reputation (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id   BIGINT        NOT NULL,
  delta       BIGINT        NOT NULL,
  reason      VARCHAR(32)   NOT NULL,
  reversal    BOOLEAN       NOT NULL,
  source_key  VARCHAR(120)  NOT NULL,
  caused_by   BIGINT,
  space_id    BIGINT,
  topic_id    BIGINT,
  post_id     BIGINT,
  tags        VARCHAR(1000) NOT NULL,
  occurred_at DATETIME(6)   NOT NULL,
  CONSTRAINT cm_reputation_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id),
  CONSTRAINT cm_reputation_source_uk UNIQUE (member_id, source_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_reputation_net_ix ON cm_reputation (member_id, post_id, caused_by, reason);
CREATE INDEX cm_reputation_sum_ix ON cm_reputation (member_id, occurred_at);
CREATE INDEX cm_reputation_list_ix ON cm_reputation (member_id, id);
CREATE INDEX cm_reputation_time_ix ON cm_reputation (occurred_at);

-- Per-day sums of the ledger, written in the entry's transaction, so that leaderboards, expertise and totals never
-- scan the ledger. scope is 'all', 's:<space id>', or 'g:<the entry topic's tags, sorted, comma-joined>' (one tag
-- group per entry, so that an entry carrying several of the asked tags is still counted once). day_utc is the UTC
-- date of the entry; entry_units counts +1 per entry and -1 per reversal.
CREATE TABLE cm_reputation_rollup (
  scope       VARCHAR(200) NOT NULL,
  member_id   BIGINT       NOT NULL,
  day_utc     DATE         NOT NULL,
  reason      VARCHAR(32)  NOT NULL,
  delta_sum   BIGINT       NOT NULL,
  entry_units BIGINT       NOT NULL,
  CONSTRAINT cm_reputation_rollup_pk PRIMARY KEY (scope, member_id, day_utc, reason)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_reputation_rollup_day_ix ON cm_reputation_rollup (scope, day_utc, member_id, delta_sum);

-- Which tag groups carry a tag: a tag leaderboard or expertise query reads the rollups of these groups.
CREATE TABLE cm_reputation_tag_group (
  tag   VARCHAR(100) NOT NULL,
  scope VARCHAR(200) NOT NULL,
  CONSTRAINT cm_reputation_tag_group_pk PRIMARY KEY (tag, scope)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Badges, once per (member, badge, subject); subject is empty for badges earned once.
CREATE TABLE cm_badge_award (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id  BIGINT       NOT NULL,
  badge      VARCHAR(100) NOT NULL,
  tier       VARCHAR(16)  NOT NULL,
  subject    VARCHAR(200) NOT NULL,
  awarded_at DATETIME(6)  NOT NULL,
  CONSTRAINT cm_badge_award_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id),
  CONSTRAINT cm_badge_award_uk UNIQUE (member_id, badge, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
