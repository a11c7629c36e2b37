/**
 * The community contract: the SDK's public API, exercised end to end on any storage adapter. An adapter that passes
 * {@link dev.communitysdk.tck.community.CommunityContract} as well as the storage contract behaves, as far as members
 * can tell, exactly like the reference store.
 */
@NullMarked
package dev.communitysdk.tck.community;

import org.jspecify.annotations.NullMarked;
