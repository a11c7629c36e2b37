/**
 * Members: created on first sight of a host user id through the identity port, kept in step with the host's profile.
 */
@NullMarked
package dev.communitysdk.core.member;

import org.jspecify.annotations.NullMarked;
