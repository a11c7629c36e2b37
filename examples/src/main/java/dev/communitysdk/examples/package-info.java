/**
 * Runnable programs a newcomer reads first: {@link dev.communitysdk.examples.Quickstart} wires the SDK the way a host
 * would and prints what happened.
 */
@NullMarked
package dev.communitysdk.examples;

import org.jspecify.annotations.NullMarked;
