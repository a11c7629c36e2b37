/**
 * The vote-and-reputation write benchmark: one up vote on an answer through the SDK's public API against the same SQL
 * statements written by hand with JDBC, on one thread and on 16 threads voting on one hot post, on H2 and PostgreSQL.
 * Results and the statement lists are in {@code docs/BENCHMARKS.md}.
 */
@NullMarked
package dev.communitysdk.benchmarks.vote;

import org.jspecify.annotations.NullMarked;
