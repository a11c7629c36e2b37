/**
 * The storage contract kit: {@link dev.communitysdk.tck.storage.CommunityStoreContract}, the tests every
 * {@link dev.communitysdk.spi.storage.CommunityStore} must pass, the in-memory reference store included. An adapter's
 * test extends it and says how to make a fresh store.
 */
@NullMarked
package dev.communitysdk.tck.storage;

import org.jspecify.annotations.NullMarked;
