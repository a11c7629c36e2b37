-- Community SDK subscriptions and notification digests, MariaDB flavour (10.6+). Keep in step with the H2
-- script, from which the jOOQ classes are generated. Times are DATETIME(6); tables are InnoDB utf8mb4_bin.

-- What a member follows (a topic, a space or a tag: target_key is the id as text, or the tag) and how closely:
-- WATCHING, TRACKING or MUTED. One row per member and target. Notifications find the followers of a topic, its space
-- and its tags through the target index; a member pages through their own by id.
CREATE TABLE cm_subscription (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id   BIGINT      NOT NULL,
  target_kind VARCHAR(10) NOT NULL,
  target_key  VARCHAR(40) NOT NULL,
  watch_level VARCHAR(10) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  CONSTRAINT cm_subscription_uk UNIQUE (member_id, target_kind, target_key),
  CONSTRAINT cm_subscription_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_subscription_target_ix ON cm_subscription (target_kind, target_key, id);
CREATE INDEX cm_subscription_member_ix ON cm_subscription (member_id, id);

-- How a member wants notifications delivered: IMMEDIATE (the default, when there is no row) or DIGEST.
CREATE TABLE cm_notification_preference (
  member_id  BIGINT      NOT NULL,
  delivery   VARCHAR(10) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT cm_notification_preference_pk PRIMARY KEY (member_id),
  CONSTRAINT cm_notification_preference_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A digest: the notifications sealed for one member at one time, pending until sent_at is set. Its items never change
-- once sealed, so sending it again after a failure sends the same digest under the same key.
CREATE TABLE cm_notification_digest (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  sealed_at DATETIME(6) NOT NULL,
  sent_at   DATETIME(6) NULL,
  CONSTRAINT cm_notification_digest_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The notifications kept for members who read digests: open while digest_id is null, sent once sent_at is set. The
-- idempotency key is unique, so a redelivered event keeps nothing twice. topic_id and post_id are 0 when none, and
-- carry no foreign key: the access check when the digest is sent decides what is still readable.
CREATE TABLE cm_notification (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id       BIGINT       NOT NULL,
  idempotency_key VARCHAR(200) NOT NULL,
  kind            VARCHAR(30)  NOT NULL,
  subject         VARCHAR(500) NOT NULL,
  topic_id        BIGINT       NOT NULL,
  post_id         BIGINT       NOT NULL,
  occurred_at     DATETIME(6) NOT NULL,
  digest_id       BIGINT       NULL,
  sent_at         DATETIME(6) NULL,
  CONSTRAINT cm_notification_key_uk UNIQUE (idempotency_key),
  CONSTRAINT cm_notification_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id),
  CONSTRAINT cm_notification_digest_fk FOREIGN KEY (digest_id) REFERENCES cm_notification_digest (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_notification_member_ix ON cm_notification (member_id, id);
CREATE INDEX cm_notification_open_ix ON cm_notification (digest_id, member_id);
