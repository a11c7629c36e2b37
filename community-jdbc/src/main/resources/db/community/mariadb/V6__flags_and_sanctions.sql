-- Community SDK flags and sanctions, MariaDB flavour (10.6+). Keep in step with the H2 script, from which the jOOQ
-- classes are generated: same tables, columns, nullability, constraints and indexes. Times are DATETIME(6); tables
-- are InnoDB utf8mb4 with a binary collation, as in V1; MariaDB enforces CHECK constraints since 10.2.

-- The moderation queue lists posts by status, oldest first.
CREATE INDEX cm_post_status_ix ON cm_post (status, id);

-- Members' flags of posts: the unique key on (post_id, flagger_id) is the database's last word on "one flag per
-- member per post". weight is fixed when the flag is made. outcome is OPEN, AGREED or DISAGREED; decided_by and
-- decided_at are set together with a decision. cm_flag_post_ix finds a post's open flags, cm_flag_flagger_ix counts a
-- flagger's decided flags by outcome for their accuracy.
CREATE TABLE cm_flag (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  post_id    BIGINT       NOT NULL,
  flagger_id BIGINT       NOT NULL,
  reason     VARCHAR(16)  NOT NULL,
  note       VARCHAR(500) NULL,
  weight     INTEGER      NOT NULL,
  outcome    VARCHAR(16)  NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  decided_by BIGINT       NULL,
  decided_at DATETIME(6)  NULL,
  CONSTRAINT cm_flag_post_flagger_uk UNIQUE (post_id, flagger_id),
  CONSTRAINT cm_flag_post_fk FOREIGN KEY (post_id) REFERENCES cm_post (id),
  CONSTRAINT cm_flag_flagger_fk FOREIGN KEY (flagger_id) REFERENCES cm_member (id),
  CONSTRAINT cm_flag_decided_by_fk FOREIGN KEY (decided_by) REFERENCES cm_member (id),
  CONSTRAINT cm_flag_weight_ck CHECK (weight >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_flag_post_ix ON cm_flag (post_id, outcome, id);
CREATE INDEX cm_flag_flagger_ix ON cm_flag (flagger_id, outcome);

-- One row per flagged post: the total weight and number of its open flags, moved by atomic updates in the flag's
-- transaction, whose row lock serializes the post's flags and decisions; and when the post was removed as spam.
CREATE TABLE cm_post_flags (
  post_id         BIGINT       NOT NULL,
  open_weight     BIGINT       DEFAULT 0 NOT NULL,
  open_count      BIGINT       DEFAULT 0 NOT NULL,
  spam_removed_at DATETIME(6)  NULL,
  CONSTRAINT cm_post_flags_pk PRIMARY KEY (post_id),
  CONSTRAINT cm_post_flags_post_fk FOREIGN KEY (post_id) REFERENCES cm_post (id),
  CONSTRAINT cm_post_flags_open_ck CHECK (open_weight >= 0 AND open_count >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Moderators' sanctions of members, never deleted: the audit of who imposed and lifted which sanction, when and why.
-- kind is SILENCE, SUSPEND or BAN; ends_at is NULL until lifted; lifted_by, lifted_at and lift_reason are set
-- together. The member's sanctions in force are read through cm_sanction_member_ix before every command.
CREATE TABLE cm_sanction (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id    BIGINT       NOT NULL,
  kind         VARCHAR(16)  NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  moderator_id BIGINT       NOT NULL,
  starts_at    DATETIME(6)  NOT NULL,
  ends_at      DATETIME(6)  NULL,
  lifted_by    BIGINT       NULL,
  lifted_at    DATETIME(6)  NULL,
  lift_reason  VARCHAR(500) NULL,
  CONSTRAINT cm_sanction_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id),
  CONSTRAINT cm_sanction_moderator_fk FOREIGN KEY (moderator_id) REFERENCES cm_member (id),
  CONSTRAINT cm_sanction_lifted_by_fk FOREIGN KEY (lifted_by) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_sanction_member_ix ON cm_sanction (member_id, lifted_at, id);
