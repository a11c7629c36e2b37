/**
 * The domain events every state change emits, serialized as versioned JSON into the outbox in the same transaction.
 */
@NullMarked
package dev.communitysdk.core.event;

import org.jspecify.annotations.NullMarked;
