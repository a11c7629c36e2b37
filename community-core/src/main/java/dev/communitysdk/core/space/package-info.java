/**
 * Spaces: the boards topics live in, with their kind, visibility and moderation mode.
 */
@NullMarked
package dev.communitysdk.core.space;

import org.jspecify.annotations.NullMarked;
