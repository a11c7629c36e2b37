/**
 * The storage port: a {@link dev.communitysdk.spi.storage.CommunityStore} bundles a
 * {@link dev.communitysdk.spi.storage.Transactor} and one small store per aggregate. Core sets transaction boundaries; stores
 * join them and never begin or commit on their own.
 */
@NullMarked
package dev.communitysdk.spi.storage;

import org.jspecify.annotations.NullMarked;
