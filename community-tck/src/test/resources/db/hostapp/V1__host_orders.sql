-- A host application's own migration, applied with the host's own Flyway and history table.
CREATE TABLE host_order (id BIGINT PRIMARY KEY, total DECIMAL(10, 2) NOT NULL);
