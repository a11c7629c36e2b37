/**
 * Reputation: the append-only ledger and the totals derived from it, the rules that set its amounts (with Stack
 * Exchange's defaults), privileges unlocked by reputation, levels, badges and leaderboards.
 */
@NullMarked
package dev.communitysdk.core.reputation;

import org.jspecify.annotations.NullMarked;
