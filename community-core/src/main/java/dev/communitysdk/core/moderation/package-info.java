/**
 * Moderation: members' weighted flags that hide posts, the queue of posts waiting for a decision (pending under
 * pre-moderation or hidden by flags), moderators' decisions on them including spam removal, and sanctions of members.
 */
@NullMarked
package dev.communitysdk.core.moderation;

import org.jspecify.annotations.NullMarked;
