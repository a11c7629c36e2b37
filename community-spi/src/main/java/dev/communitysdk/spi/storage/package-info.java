/**
 * The storage port: a {@link dev.communitysdk.spi.storage.CommunityStore} bundles a
 * {@link dev.communitysdk.spi.storage.Transactor} and one small store per aggregate. Core sets transaction boundaries; stores
 * join them and never begin or commit on their own. Besides the aggregates' stores it holds the counters behind rate
 * limits ({@link dev.communitysdk.spi.storage.RateLimitStore}) and the mentions of posts
 * ({@link dev.communitysdk.spi.storage.MentionStore}).
 */
@NullMarked
package dev.communitysdk.spi.storage;

import org.jspecify.annotations.NullMarked;
