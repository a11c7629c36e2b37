/**
 * The outbox relay ({@link dev.communitysdk.core.relay.OutboxRelay}): delivers committed domain events to the host's
 * listeners, at least once and in order per aggregate, from one or many host nodes sharing a database.
 */
@NullMarked
package dev.communitysdk.core.relay;

import org.jspecify.annotations.NullMarked;
