/**
 * Questions and answers: accepting an answer, unanswered and solved listings, answers ranked by the Wilson lower
 * bound, and routing questions to the members most likely to answer them.
 */
@NullMarked
package dev.communitysdk.core.question;

import org.jspecify.annotations.NullMarked;
