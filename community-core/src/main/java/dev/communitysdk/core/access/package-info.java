/**
 * Who may read and do what: one policy object decides every action, checked in core before any storage call.
 */
@NullMarked
package dev.communitysdk.core.access;

import org.jspecify.annotations.NullMarked;
