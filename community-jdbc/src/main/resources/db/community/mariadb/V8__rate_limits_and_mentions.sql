-- Community SDK rate limits, member handles and mentions, MariaDB flavour (10.6+). Keep in step with the H2
-- script, from which the jOOQ classes are generated. Times are DATETIME(6); tables are InnoDB utf8mb4_bin.

-- A member's community handle, the name an @mention uses: [a-z0-9_], unique, kept when the display name changes.
-- Members from before this script get member_<id>, which no derived handle can take from them (derivation checks
-- the taken ones first).
ALTER TABLE cm_member ADD COLUMN handle VARCHAR(40) NULL;
UPDATE cm_member SET handle = CONCAT('member_', id);
ALTER TABLE cm_member MODIFY handle VARCHAR(40) NOT NULL;
ALTER TABLE cm_member ADD CONSTRAINT cm_member_handle_uk UNIQUE (handle);

-- How many times a member did a rate-limited action (rate_limit names the limit, such as topics.day) in the window that
-- starts at window_start. The command that counts updates hits = hits + 1 in its own transaction, so a refused or
-- failed command takes its count back with it; a new row races on the primary key, and the loser runs again.
CREATE TABLE cm_rate_counter (
  member_id    BIGINT       NOT NULL,
  rate_limit   VARCHAR(40)  NOT NULL,
  window_start DATETIME(6)  NOT NULL,
  hits         INTEGER      NOT NULL,
  CONSTRAINT cm_rate_counter_pk PRIMARY KEY (member_id, rate_limit, window_start),
  CONSTRAINT cm_rate_counter_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id),
  CONSTRAINT cm_rate_counter_hits_ck CHECK (hits >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The members a post mentions and who may read it: resolved when the post is written or edited, for notifications.
CREATE TABLE cm_mention (
  post_id   BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  CONSTRAINT cm_mention_pk PRIMARY KEY (post_id, member_id),
  CONSTRAINT cm_mention_post_fk FOREIGN KEY (post_id) REFERENCES cm_post (id),
  CONSTRAINT cm_mention_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_mention_member_ix ON cm_mention (member_id, post_id);

-- Stale renderings are found by version, in id order, by the maintenance re-render.
CREATE INDEX cm_post_render_ix ON cm_post (render_version, id);
