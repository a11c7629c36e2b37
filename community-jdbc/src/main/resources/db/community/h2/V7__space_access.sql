-- Community SDK space access, H2 flavour. The jOOQ classes are generated from this script, so the PostgreSQL and
-- MariaDB scripts must declare the same tables, columns and nullability.

-- The customer accounts and tiers admitted to a restricted space, besides the roles in cm_space.access_roles.
-- grant_kind is ACCOUNT or TIER; grantee is the account id or the tier name. The primary key keeps each grant once.
CREATE TABLE cm_space_grant (
  space_id   BIGINT       NOT NULL,
  grant_kind VARCHAR(16)  NOT NULL,
  grantee    VARCHAR(255) NOT NULL,
  CONSTRAINT cm_space_grant_pk PRIMARY KEY (space_id, grant_kind, grantee),
  CONSTRAINT cm_space_grant_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_space_grant_kind_ck CHECK (grant_kind IN ('ACCOUNT', 'TIER'))
);

-- The explicit members of private spaces, one row per (space, member). The index serves "the spaces this member
-- belongs to", read once per listing to decide which private spaces the member may read.
CREATE TABLE cm_space_member (
  space_id  BIGINT       NOT NULL,
  member_id BIGINT       NOT NULL,
  added_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT cm_space_member_pk PRIMARY KEY (space_id, member_id),
  CONSTRAINT cm_space_member_space_fk FOREIGN KEY (space_id) REFERENCES cm_space (id),
  CONSTRAINT cm_space_member_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
);
CREATE INDEX cm_space_member_member_ix ON cm_space_member (member_id, space_id);
