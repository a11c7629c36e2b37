-- Community SDK sentiment aggregates, H2 flavour. The jOOQ classes are generated from this script, so the PostgreSQL
-- and MariaDB scripts must declare the same tables, columns and nullability.

-- Per-topic sentiment totals, moved in the same UPDATE as each other by atomic increments. sentiment_mean is
-- sentiment_sum / sentiment_posts (0 without posts), kept by that same UPDATE rather than computed on read, so that
-- "the most negative open topics of a space" is a range scan of cm_topic_sentiment_ix in index order, not a sort.
ALTER TABLE cm_topic ADD COLUMN sentiment_posts BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE cm_topic ADD COLUMN sentiment_negative BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE cm_topic ADD COLUMN sentiment_sum DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE cm_topic ADD COLUMN sentiment_mean DOUBLE PRECISION DEFAULT 0 NOT NULL;
CREATE INDEX cm_topic_sentiment_ix ON cm_topic (space_id, status, sentiment_mean, id);

-- Daily sentiment per scope, written in the post's transaction, so that trends and spike detection never scan
-- posts. scope_kind is a SentimentScopeKind name; scope_key is empty for the community, else the space or member id,
-- the tag, or the account or product id. day_utc is the UTC date the post was published. A post taken out again
-- leaves its row behind with zero posts; readers skip such rows. The primary key serves one scope's days in order;
-- cm_sentiment_day_active_ix serves the scopes of a kind active since a day.
CREATE TABLE cm_sentiment_day (
  scope_kind VARCHAR(16)      NOT NULL,
  scope_key  VARCHAR(100)     NOT NULL,
  day_utc    DATE             NOT NULL,
  posts      BIGINT           NOT NULL,
  negative   BIGINT           NOT NULL,
  neutral    BIGINT           NOT NULL,
  positive   BIGINT           NOT NULL,
  score_sum  DOUBLE PRECISION NOT NULL,
  CONSTRAINT cm_sentiment_day_pk PRIMARY KEY (scope_kind, scope_key, day_utc)
);
CREATE INDEX cm_sentiment_day_active_ix ON cm_sentiment_day (scope_kind, day_utc, scope_key);

-- Spike alerts raised, at most one per scope and window: the key makes a second one a unique violation.
CREATE TABLE cm_sentiment_alert (
  scope_kind VARCHAR(16)      NOT NULL,
  scope_key  VARCHAR(100)     NOT NULL,
  window_end DATE             NOT NULL,
  raised_at  TIMESTAMP(6)     NOT NULL,
  CONSTRAINT cm_sentiment_alert_pk PRIMARY KEY (scope_kind, scope_key, window_end)
);
