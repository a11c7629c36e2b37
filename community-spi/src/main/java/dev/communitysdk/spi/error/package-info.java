/**
 * The SDK's exceptions: all unchecked, rooted at {@link dev.communitysdk.spi.error.CommunityException}.
 * Adapters translate their own failures into these so that no JDBC or jOOQ type crosses a port.
 */
@NullMarked
package dev.communitysdk.spi.error;

import org.jspecify.annotations.NullMarked;
