-- Community SDK ideas and product reviews, MariaDB flavour (10.6+). Keep in step with the H2 script, from which the
-- jOOQ classes are generated: same tables, columns, nullability, constraints and indexes. Times are DATETIME(6);
-- tables are InnoDB utf8mb4 with a binary collation, as in V1; MariaDB enforces CHECK constraints since 10.2.
-- Counters carry CHECK (... >= 0) constraints: an update that would take one below zero fails instead of leaving a
-- count that no read could turn into a valid value.

-- What a space allows beyond its kind's defaults (SpaceRules). idea_vote_budget is NULL for no limit.
ALTER TABLE cm_space ADD COLUMN idea_down_votes BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cm_space ADD COLUMN idea_vote_budget INTEGER NULL;
ALTER TABLE cm_space ADD COLUMN verified_reviews_only BOOLEAN DEFAULT FALSE NOT NULL;

-- A review's stars as they were before an edit, for the opening posts of reviews; NULL for every other post.
ALTER TABLE cm_revision ADD COLUMN stars SMALLINT NULL;
ALTER TABLE cm_revision ADD CONSTRAINT cm_revision_stars_ck CHECK (stars BETWEEN 1 AND 5);

-- The idea state of a topic in an ideas space. score is up_votes - down_votes, kept by the same UPDATE that moves
-- them, so that "top ideas in these statuses" is a range scan of cm_idea_top_ix per status, in index order.
-- merged_into is set for DUPLICATE ideas: the idea that now holds their votes.
CREATE TABLE cm_idea (
  topic_id          BIGINT       NOT NULL,
  space_id          BIGINT       NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  up_votes          BIGINT       DEFAULT 0 NOT NULL,
  down_votes        BIGINT       DEFAULT 0 NOT NULL,
  score             BIGINT       DEFAULT 0 NOT NULL,
  merged_into       BIGINT       NULL,
  status_changed_at DATETIME(6)  NOT NULL,
  created_at        DATETIME(6)  NOT NULL,
  CONSTRAINT cm_idea_pk PRIMARY KEY (topic_id),
  CONSTRAINT cm_idea_topic_fk FOREIGN KEY (topic_id) REFERENCES cm_topic (id),
  CONSTRAINT cm_idea_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_idea_merged_into_fk FOREIGN KEY (merged_into) REFERENCES cm_topic (id),
  CONSTRAINT cm_idea_votes_ck CHECK (up_votes >= 0 AND down_votes >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_idea_top_ix ON cm_idea (space_id, status, score, topic_id);
CREATE INDEX cm_idea_changed_ix ON cm_idea (space_id, status, status_changed_at, topic_id);

-- Votes on ideas. The primary key holds one row per (idea, voter), active or not, so that a merge can never copy a
-- vote onto an idea its voter already voted on, nor a voter vote twice. direction is +1 or -1. A merge deactivates
-- the duplicate's votes (active = FALSE) and copies them to the target with merged_from set; undoing it deletes the
-- copies by merged_from and reactivates the originals. The indexes serve a member's vote budget (voter, active), the
-- recent up votes of an idea (trending, and the votes of customer accounts), and the copies of one merge.
CREATE TABLE cm_idea_vote (
  topic_id    BIGINT       NOT NULL,
  voter_id    BIGINT       NOT NULL,
  direction   SMALLINT     NOT NULL,
  account_id  VARCHAR(255) NULL,
  cast_at     DATETIME(6)  NOT NULL,
  merged_from BIGINT       NULL,
  active      BOOLEAN      NOT NULL,
  CONSTRAINT cm_idea_vote_pk PRIMARY KEY (topic_id, voter_id),
  CONSTRAINT cm_idea_vote_idea_fk FOREIGN KEY (topic_id) REFERENCES cm_idea (topic_id),
  CONSTRAINT cm_idea_vote_voter_fk FOREIGN KEY (voter_id) REFERENCES cm_member (id),
  CONSTRAINT cm_idea_vote_merged_from_fk FOREIGN KEY (merged_from) REFERENCES cm_topic (id),
  CONSTRAINT cm_idea_vote_direction_ck CHECK (direction IN (-1, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_idea_vote_voter_ix ON cm_idea_vote (voter_id, active, topic_id);
CREATE INDEX cm_idea_vote_recent_ix ON cm_idea_vote (topic_id, active, direction, cast_at);
CREATE INDEX cm_idea_vote_merged_ix ON cm_idea_vote (merged_from, topic_id);

-- An idea's status history, append-only, with the official response as Markdown source and sanitized HTML (its
-- sentiment is not kept). duplicate_of is the other idea of a merge, for changes to DUPLICATE and back.
CREATE TABLE cm_idea_status (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  topic_id        BIGINT            NOT NULL,
  from_status     VARCHAR(16)       NOT NULL,
  to_status       VARCHAR(16)       NOT NULL,
  response_source MEDIUMTEXT        NOT NULL,
  response_html   MEDIUMTEXT        NOT NULL,
  render_version  INTEGER           NOT NULL,
  changed_by      BIGINT            NOT NULL,
  changed_at      DATETIME(6)       NOT NULL,
  duplicate_of    BIGINT            NULL,
  CONSTRAINT cm_idea_status_idea_fk FOREIGN KEY (topic_id) REFERENCES cm_idea (topic_id),
  CONSTRAINT cm_idea_status_changed_by_fk FOREIGN KEY (changed_by) REFERENCES cm_member (id),
  CONSTRAINT cm_idea_status_duplicate_of_fk FOREIGN KEY (duplicate_of) REFERENCES cm_topic (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_idea_status_topic_ix ON cm_idea_status (topic_id, id);

-- The review state of a topic in a reviews space; the unique key allows one review per author and product. wilson
-- is the Wilson lower bound of the opening post's helpfulness votes. The indexes serve a product's reviews most
-- helpful first and newest first, as keyset scans.
CREATE TABLE cm_review (
  topic_id          BIGINT           NOT NULL,
  space_id          BIGINT           NOT NULL,
  product_id        VARCHAR(100)     NOT NULL,
  author_id         BIGINT           NOT NULL,
  opening_post_id   BIGINT           NOT NULL,
  stars             SMALLINT         NOT NULL,
  verified_owner    BOOLEAN          NOT NULL,
  official_reply_id BIGINT           NULL,
  wilson            DOUBLE           DEFAULT 0 NOT NULL,
  created_at        DATETIME(6)      NOT NULL,
  CONSTRAINT cm_review_pk PRIMARY KEY (topic_id),
  CONSTRAINT cm_review_topic_fk FOREIGN KEY (topic_id) REFERENCES cm_topic (id),
  CONSTRAINT cm_review_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_review_author_fk FOREIGN KEY (author_id) REFERENCES cm_member (id),
  CONSTRAINT cm_review_opening_post_fk FOREIGN KEY (opening_post_id) REFERENCES cm_post (id),
  CONSTRAINT cm_review_official_reply_fk FOREIGN KEY (official_reply_id) REFERENCES cm_post (id),
  CONSTRAINT cm_review_author_product_uk UNIQUE (author_id, product_id),
  CONSTRAINT cm_review_stars_ck CHECK (stars BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_review_helpful_ix ON cm_review (space_id, product_id, wilson, topic_id);
CREATE INDEX cm_review_newest_ix ON cm_review (space_id, product_id, created_at, topic_id);

-- Star counters per product of a space and per space, moved by atomic increments in the review's transaction and
-- created on first use, so that a rating is read by primary key. stars_1 .. stars_5 count the reviews with that many
-- stars; star_sum is their stars added up.
CREATE TABLE cm_product_rating (
  space_id     BIGINT       NOT NULL,
  product_id   VARCHAR(100) NOT NULL,
  review_count BIGINT       NOT NULL,
  star_sum     BIGINT       NOT NULL,
  stars_1      BIGINT       NOT NULL,
  stars_2      BIGINT       NOT NULL,
  stars_3      BIGINT       NOT NULL,
  stars_4      BIGINT       NOT NULL,
  stars_5      BIGINT       NOT NULL,
  CONSTRAINT cm_product_rating_pk PRIMARY KEY (space_id, product_id),
  CONSTRAINT cm_product_rating_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_product_rating_counts_ck CHECK (review_count >= 0 AND star_sum >= 0 AND stars_1 >= 0
      AND stars_2 >= 0 AND stars_3 >= 0 AND stars_4 >= 0 AND stars_5 >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cm_space_rating (
  space_id     BIGINT NOT NULL,
  review_count BIGINT NOT NULL,
  star_sum     BIGINT NOT NULL,
  stars_1      BIGINT NOT NULL,
  stars_2      BIGINT NOT NULL,
  stars_3      BIGINT NOT NULL,
  stars_4      BIGINT NOT NULL,
  stars_5      BIGINT NOT NULL,
  CONSTRAINT cm_space_rating_pk PRIMARY KEY (space_id),
  CONSTRAINT cm_space_rating_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_space_rating_counts_ck CHECK (review_count >= 0 AND star_sum >= 0 AND stars_1 >= 0
      AND stars_2 >= 0 AND stars_3 >= 0 AND stars_4 >= 0 AND stars_5 >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
