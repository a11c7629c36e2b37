/**
 * The default English sentiment analyzer: a VADER-style lexicon and rule engine, extended for product, support and
 * review language. {@link dev.communitysdk.core.sentiment.EnglishSentimentAnalyzer} is the only public type; the
 * tokenizer, lexicon and rule steps are package-private so they can change without breaking callers.
 */
@NullMarked
package dev.communitysdk.core.sentiment;

import org.jspecify.annotations.NullMarked;
