/**
 * The in-memory reference store: every storage port kept in JVM memory, with serialized, atomic transactions. It is
 * what core's own tests and hosts' quick tests run on, and it passes the same storage contract kit as the jOOQ store.
 * Nothing is persisted; start one with {@link dev.communitysdk.core.memory.InMemoryCommunityStore#create()}.
 */
@NullMarked
package dev.communitysdk.core.memory;

import org.jspecify.annotations.NullMarked;
