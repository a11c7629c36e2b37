-- Community SDK core schema, MariaDB flavour (10.6+). Keep in step with the H2 script, from which the jOOQ classes
-- are generated: same tables, columns, nullability and indexes.
-- Times are UTC LocalDateTimes in DATETIME(6) (TIMESTAMP would be converted through the session time zone and ends
-- in 2038). Large texts are MEDIUMTEXT because TEXT holds only 64 KiB, less than a 50,000-character body in utf8mb4.
-- Tables are InnoDB utf8mb4 with a binary collation, so that keys (external ids, slugs, tags) compare exactly as on
-- H2 and PostgreSQL; 255-character keys fit InnoDB's 3072-byte index limit.

CREATE TABLE cm_member (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  external_id         VARCHAR(255)  NOT NULL,
  display_name        VARCHAR(255)  NOT NULL,
  email               VARCHAR(320),
  roles               VARCHAR(255)  NOT NULL,
  customer_account_id VARCHAR(255),
  locale              VARCHAR(35),
  status              VARCHAR(16)   NOT NULL,
  reputation          BIGINT        DEFAULT 1 NOT NULL,
  created_at          DATETIME(6)   NOT NULL,
  CONSTRAINT cm_member_external_id_uk UNIQUE (external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cm_space (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  slug            VARCHAR(100)  NOT NULL,
  name            VARCHAR(255)  NOT NULL,
  description     VARCHAR(4000) NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  visibility      VARCHAR(16)   NOT NULL,
  moderation_mode VARCHAR(16)   NOT NULL,
  allow_anonymous BOOLEAN       NOT NULL,
  access_roles    VARCHAR(255)  NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  CONSTRAINT cm_space_slug_uk UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cm_topic (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  space_id         BIGINT           NOT NULL,
  kind             VARCHAR(16)      NOT NULL,
  title            VARCHAR(300)     NOT NULL,
  author_id        BIGINT           NOT NULL,
  anonymous        BOOLEAN          NOT NULL,
  status           VARCHAR(16)      NOT NULL,
  reply_count      BIGINT           DEFAULT 0 NOT NULL,
  score            BIGINT           DEFAULT 0 NOT NULL,
  hot              DOUBLE           DEFAULT 0 NOT NULL,
  last_activity_at DATETIME(6)      NOT NULL,
  created_at       DATETIME(6)      NOT NULL,
  updated_at       DATETIME(6)      NOT NULL,
  version          BIGINT           DEFAULT 1 NOT NULL,
  CONSTRAINT cm_topic_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_topic_author_fk FOREIGN KEY (author_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_topic_latest_ix ON cm_topic (space_id, created_at, id);
CREATE INDEX cm_topic_active_ix ON cm_topic (space_id, last_activity_at, id);
CREATE INDEX cm_topic_top_ix ON cm_topic (space_id, score, id);
CREATE INDEX cm_topic_hot_ix ON cm_topic (space_id, hot, id);
CREATE INDEX cm_topic_author_ix ON cm_topic (author_id, id);

-- space_id is copied from the topic so that a space's tags can be listed, and a tag filter resolved, from this
-- table's index alone. tag_order keeps the tags in the order the author gave them.
CREATE TABLE cm_topic_tag (
  topic_id  BIGINT      NOT NULL,
  tag       VARCHAR(30) NOT NULL,
  space_id  BIGINT      NOT NULL,
  tag_order SMALLINT    NOT NULL,
  CONSTRAINT cm_topic_tag_pk PRIMARY KEY (topic_id, tag),
  CONSTRAINT cm_topic_tag_topic_fk FOREIGN KEY (topic_id) REFERENCES cm_topic (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_topic_tag_space_ix ON cm_topic_tag (space_id, tag, topic_id);

CREATE TABLE cm_post (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  topic_id        BIGINT            NOT NULL,
  space_id        BIGINT            NOT NULL,
  author_id       BIGINT            NOT NULL,
  anonymous       BOOLEAN           NOT NULL,
  opening         BOOLEAN           NOT NULL,
  body_source     MEDIUMTEXT        NOT NULL,
  body_html       MEDIUMTEXT        NOT NULL,
  render_version  INTEGER           NOT NULL,
  sentiment_score DOUBLE          ,
  sentiment_label VARCHAR(16),
  status          VARCHAR(16)       NOT NULL,
  score           BIGINT            DEFAULT 0 NOT NULL,
  up_votes        BIGINT            DEFAULT 0 NOT NULL,
  down_votes      BIGINT            DEFAULT 0 NOT NULL,
  created_at      DATETIME(6)       NOT NULL,
  updated_at      DATETIME(6)       NOT NULL,
  version         BIGINT            DEFAULT 1 NOT NULL,
  CONSTRAINT cm_post_topic_fk FOREIGN KEY (topic_id) REFERENCES cm_topic (id),
  CONSTRAINT cm_post_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_post_author_fk FOREIGN KEY (author_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_post_topic_ix ON cm_post (topic_id, id);
CREATE INDEX cm_post_author_ix ON cm_post (author_id, id);
CREATE INDEX cm_post_space_ix ON cm_post (space_id, created_at, id);

-- The primary key is the database's last word on "one vote per member per post".
CREATE TABLE cm_vote (
  post_id   BIGINT       NOT NULL,
  member_id BIGINT       NOT NULL,
  direction SMALLINT     NOT NULL,
  cast_at   DATETIME(6)  NOT NULL,
  CONSTRAINT cm_vote_pk PRIMARY KEY (post_id, member_id),
  CONSTRAINT cm_vote_post_fk FOREIGN KEY (post_id) REFERENCES cm_post (id),
  CONSTRAINT cm_vote_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_vote_member_ix ON cm_vote (member_id, post_id);

CREATE TABLE cm_revision (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  post_id     BIGINT            NOT NULL,
  version     BIGINT            NOT NULL,
  editor_id   BIGINT            NOT NULL,
  title       VARCHAR(300),
  body_source MEDIUMTEXT        NOT NULL,
  edited_at   DATETIME(6)       NOT NULL,
  CONSTRAINT cm_revision_post_fk FOREIGN KEY (post_id) REFERENCES cm_post (id),
  CONSTRAINT cm_revision_editor_fk FOREIGN KEY (editor_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_revision_post_ix ON cm_revision (post_id, version, id);

-- The transactional outbox. The relay columns (status .. last_error) are written by the relay, not by commands.
CREATE TABLE cm_outbox (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  type            VARCHAR(100)      NOT NULL,
  schema_version  INTEGER           NOT NULL,
  aggregate_type  VARCHAR(50)       NOT NULL,
  aggregate_id    BIGINT            NOT NULL,
  payload         MEDIUMTEXT        NOT NULL,
  occurred_at     DATETIME(6)       NOT NULL,
  status          VARCHAR(16)       DEFAULT 'PENDING' NOT NULL,
  attempts        INTEGER           DEFAULT 0 NOT NULL,
  next_attempt_at DATETIME(6) ,
  claimed_by      VARCHAR(255),
  lease_until     DATETIME(6) ,
  delivered_at    DATETIME(6) ,
  last_error      VARCHAR(4000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_outbox_relay_ix ON cm_outbox (status, next_attempt_at, id);
CREATE INDEX cm_outbox_aggregate_ix ON cm_outbox (aggregate_type, aggregate_id, id);
