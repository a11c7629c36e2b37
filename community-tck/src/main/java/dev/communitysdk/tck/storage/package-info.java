/**
 * The storage contract kit: the tests every {@link dev.communitysdk.spi.storage.CommunityStore} must pass, the
 * in-memory reference store included. {@link dev.communitysdk.tck.storage.CommunityStoreContract} covers the core
 * ports, {@link dev.communitysdk.tck.storage.IdeaStoreContract} ideas,
 * {@link dev.communitysdk.tck.storage.ReviewStoreContract} reviews, and
 * {@link dev.communitysdk.tck.storage.PrivacyStoreContract} the audit log and what export and erasure need; all share
 * the store lifecycle of {@link dev.communitysdk.tck.storage.StoreContract}. An adapter's test extends each contract
 * and says how to make a fresh store.
 */
@NullMarked
package dev.communitysdk.tck.storage;

import org.jspecify.annotations.NullMarked;
