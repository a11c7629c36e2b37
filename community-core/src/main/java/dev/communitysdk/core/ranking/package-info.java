/**
 * The ranking formulas of listings: each can explain its score.
 */
@NullMarked
package dev.communitysdk.core.ranking;

import org.jspecify.annotations.NullMarked;
