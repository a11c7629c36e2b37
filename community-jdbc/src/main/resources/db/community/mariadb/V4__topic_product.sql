-- Community SDK: the product of the host's catalog a topic is about (reviews, product questions), so that sentiment
-- and listings can be read per product. Keep in step across H2, PostgreSQL and MariaDB.
ALTER TABLE cm_topic ADD COLUMN product_id VARCHAR(100) COLLATE utf8mb4_bin NULL;
CREATE INDEX cm_topic_product_ix ON cm_topic (product_id, created_at, id);
