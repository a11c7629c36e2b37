/**
 * Ideas: members propose product ideas in {@code IDEAS} spaces and vote on them; the company moves them along a
 * roadmap with official responses, merges duplicates, and reads demand weighted by its customers' accounts. Start at
 * {@link dev.communitysdk.core.idea.Ideas}.
 */
@NullMarked
package dev.communitysdk.core.idea;

import org.jspecify.annotations.NullMarked;
