/**
 * Rate limits: how many topics, replies and votes a member may make in a window, configured with
 * {@link dev.communitysdk.core.ratelimit.RateLimits} on the community's builder.
 */
@NullMarked
package dev.communitysdk.core.ratelimit;

import org.jspecify.annotations.NullMarked;
