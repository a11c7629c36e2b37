/**
 * The jOOQ storage adapter: {@link dev.communitysdk.jdbc.JooqCommunityStore} implements the storage port on H2,
 * PostgreSQL and MariaDB, ships the schema migrations and applies, checks or exports them;
 * {@link dev.communitysdk.jdbc.CommunityDataSources} builds a connection pool for hosts that have none. Everything
 * else in this package is package-private.
 */
@NullMarked
package dev.communitysdk.jdbc;

import org.jspecify.annotations.NullMarked;
