/**
 * The identity port: the host authenticates users, the SDK asks it who they are.
 */
@NullMarked
package dev.communitysdk.spi.identity;

import org.jspecify.annotations.NullMarked;
