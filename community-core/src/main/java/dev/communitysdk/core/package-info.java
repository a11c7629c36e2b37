/**
 * The entry point: {@link dev.communitysdk.core.Community}, built once by a host and shared, and the types every
 * capability uses ({@link dev.communitysdk.core.Actor}, {@link dev.communitysdk.core.Page}).
 */
@NullMarked
package dev.communitysdk.core;

import org.jspecify.annotations.NullMarked;
