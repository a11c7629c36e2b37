/**
 * The rules every piece of member input must meet (titles, bodies, tags, slugs), checked before any storage call.
 */
@NullMarked
package dev.communitysdk.core.input;

import org.jspecify.annotations.NullMarked;
