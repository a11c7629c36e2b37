/**
 * Subscriptions and notifications: members follow topics, spaces and tags at a watching level; a route on the outbox
 * relay turns committed events into notifications for the host's sink, at once or kept for a digest.
 */
@NullMarked
package dev.communitysdk.core.notification;

import org.jspecify.annotations.NullMarked;
