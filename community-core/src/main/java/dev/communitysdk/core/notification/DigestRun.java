package dev.communitysdk.core.notification;

/**
 * What one {@link Notifications#sendDigests()} call did.
 *
 * @param sent how many digests the sink took and were marked sent
 * @param failed how many digests the sink refused; they stay pending, with the same items and key, for the next call
 */
public record DigestRun(int sent, int failed) {}
