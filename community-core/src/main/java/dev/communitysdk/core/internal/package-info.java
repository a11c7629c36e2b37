/**
 * Not API: the machinery the capability packages share (command transactions and retries, the clock, the
 * wiring context). Public only so that sibling packages can use it; may change in any release.
 */
@NullMarked
package dev.communitysdk.core.internal;

import org.jspecify.annotations.NullMarked;
