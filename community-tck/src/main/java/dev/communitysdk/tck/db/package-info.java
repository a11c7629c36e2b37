/**
 * Isolated, empty databases for tests: in-memory H2 always, PostgreSQL and MariaDB from the servers that
 * {@code COMMUNITY_TEST_POSTGRES_URL} and {@code COMMUNITY_TEST_MARIADB_URL} name. Public, so that any storage
 * adapter's tests can run the contract kit on each database. {@link dev.communitysdk.tck.db.TestDatabase} creates
 * and drops one database per use; {@link dev.communitysdk.tck.db.TestDatabasePool} prepares (migrates) databases
 * once per JVM and empties them between tests.
 */
@NullMarked
package dev.communitysdk.tck.db;

import org.jspecify.annotations.NullMarked;
