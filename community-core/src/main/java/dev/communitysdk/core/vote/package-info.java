/**
 * Votes on posts: up, down, change and retract, one per member per post, never on one's own post.
 */
@NullMarked
package dev.communitysdk.core.vote;

import org.jspecify.annotations.NullMarked;
