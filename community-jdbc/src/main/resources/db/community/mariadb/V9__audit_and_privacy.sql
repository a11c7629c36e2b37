-- Community SDK audit log and privacy, MariaDB flavour (10.6+). Keep in step with the H2 script, from which the
-- jOOQ classes are generated: same tables, columns, nullability, constraints and indexes. Times are DATETIME(6).

-- The audit log: who did what to whom, when and why. Append-only, except that erasing a member rewrites the detail of
-- the rows that name them. The indexes serve the newest-first listings by subject and by actor.
CREATE TABLE cm_audit (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  actor_id    BIGINT        NOT NULL,
  action      VARCHAR(100)  NOT NULL,
  subject_id  BIGINT        NULL,
  target_type VARCHAR(50)   NULL,
  target_id   BIGINT        NULL,
  detail      VARCHAR(2000) NOT NULL,
  created_at  DATETIME(6)   NOT NULL,
  CONSTRAINT cm_audit_actor_fk FOREIGN KEY (actor_id) REFERENCES cm_member (id),
  CONSTRAINT cm_audit_subject_fk FOREIGN KEY (subject_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_audit_subject_ix ON cm_audit (subject_id, id);
CREATE INDEX cm_audit_actor_ix ON cm_audit (actor_id, id);

-- The member whose data an event's payload carries, so that erasing the member finds the undelivered events to scrub.
ALTER TABLE cm_outbox ADD COLUMN member_id BIGINT NULL;
CREATE INDEX cm_outbox_member_ix ON cm_outbox (member_id, id);

-- A member's idea votes in idea order, active or not, for exports.
CREATE INDEX cm_idea_vote_voter_topic_ix ON cm_idea_vote (voter_id, topic_id);
