/**
 * Domain events as they cross ports: a versioned JSON envelope, and the listener hosts implement.
 */
@NullMarked
package dev.communitysdk.spi.event;

import org.jspecify.annotations.NullMarked;
