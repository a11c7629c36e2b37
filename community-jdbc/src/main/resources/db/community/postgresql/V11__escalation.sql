-- Community SDK escalation of questions to CRM support cases, PostgreSQL flavour (13+). Keep in step with the H2
-- script, from which the jOOQ classes are generated: same tables, columns, nullability, constraints and indexes.

-- How long a question may stay unanswered in the space before it is escalated, in seconds; NULL for never.
ALTER TABLE cm_space ADD COLUMN escalation_sla_seconds BIGINT NULL;

-- One escalation per question at most: the primary key keeps concurrent sweeps and members from escalating a question
-- twice. case_id is the CRM's support case, set once the relay has opened it. state is OPEN, RESOLVED or
-- SOLVED_IN_COMMUNITY; closed_at is set when it leaves OPEN.
CREATE TABLE cm_escalation (
  topic_id     BIGINT       NOT NULL,
  space_id     BIGINT       NOT NULL,
  reason       VARCHAR(16)  NOT NULL,
  state        VARCHAR(24)  NOT NULL,
  escalated_at TIMESTAMP(6) NOT NULL,
  case_id      VARCHAR(255) NULL,
  closed_at    TIMESTAMP(6) NULL,
  CONSTRAINT cm_escalation_pk PRIMARY KEY (topic_id),
  CONSTRAINT cm_escalation_topic_fk FOREIGN KEY (topic_id) REFERENCES cm_topic (id),
  CONSTRAINT cm_escalation_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id)
);
CREATE INDEX cm_escalation_space_ix ON cm_escalation (space_id, topic_id);
