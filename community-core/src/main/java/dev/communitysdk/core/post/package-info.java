/**
 * Posts: replies, edits that keep revisions, soft deletion, and the views readers get of them.
 */
@NullMarked
package dev.communitysdk.core.post;

import org.jspecify.annotations.NullMarked;
