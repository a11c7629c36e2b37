-- Community SDK space access, MariaDB flavour (10.6+). Keep in step with the H2 script, from which the jOOQ classes
-- are generated: same tables, columns, nullability, constraints and indexes. Times are DATETIME(6); tables are InnoDB
-- utf8mb4 with a binary collation, as in V1.

-- The customer accounts and tiers admitted to a restricted space, besides the roles in cm_space.access_roles.
-- grant_kind is ACCOUNT or TIER; grantee is the account id or the tier name. The primary key keeps each grant once.
CREATE TABLE cm_space_grant (
  space_id   BIGINT       NOT NULL,
  grant_kind VARCHAR(16)  NOT NULL,
  grantee    VARCHAR(255) NOT NULL,
  CONSTRAINT cm_space_grant_pk PRIMARY KEY (space_id, grant_kind, grantee),
  CONSTRAINT cm_space_grant_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_space_grant_kind_ck CHECK (grant_kind IN ('ACCOUNT', 'TIER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The explicit members of private spaces, one row per (space, member). The index serves "the spaces this member
-- belongs to", read once per listing to decide which private spaces the member may read.
CREATE TABLE cm_space_member (
  space_id  BIGINT       NOT NULL,
  member_id BIGINT       NOT NULL,
  added_at  DATETIME(6)  NOT NULL,
  CONSTRAINT cm_space_member_pk PRIMARY KEY (space_id, member_id),
  CONSTRAINT cm_space_member_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_space_member_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX cm_space_member_member_ix ON cm_space_member (member_id, space_id);
