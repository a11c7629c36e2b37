/**
 * Moderation: approving or rejecting posts that wait under pre-moderation.
 */
@NullMarked
package dev.communitysdk.core.moderation;

import org.jspecify.annotations.NullMarked;
