-- Community SDK CRM links, PostgreSQL flavour (13+). Keep in step with the H2 script, from which the
-- jOOQ classes are generated: same tables, columns, nullability, constraints and indexes.

-- Each member's link to a CRM contact and customer account, made on first sight, before recording activity, or by an
-- admin. One per member; erasing the member deletes it.
CREATE TABLE cm_crm_link (
  member_id  BIGINT       NOT NULL PRIMARY KEY,
  contact_id VARCHAR(200) NOT NULL,
  account_id VARCHAR(200) NULL,
  manual     BOOLEAN      NOT NULL,
  linked_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT cm_crm_link_member_fk FOREIGN KEY (member_id) REFERENCES cm_member (id)
);
