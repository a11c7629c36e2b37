/**
 * Topics (threads): starting, editing, closing, listing with keyset pagination, and reading a thread page.
 */
@NullMarked
package dev.communitysdk.core.topic;

import org.jspecify.annotations.NullMarked;
