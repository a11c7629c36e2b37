/**
 * Privacy and accountability: the audit log of privileged actions ({@link dev.communitysdk.core.privacy.Audit}), and
 * a member's data export and erasure, reached through {@link dev.communitysdk.core.member.Members}.
 */
@NullMarked
package dev.communitysdk.core.privacy;

import org.jspecify.annotations.NullMarked;
