/**
 * Product reviews: one per member and product in {@code REVIEWS} spaces, with stars, verified-owner marks, helpfulness
 * votes, an official reply and a Bayesian product rating. Start at {@link dev.communitysdk.core.review.Reviews}.
 */
@NullMarked
package dev.communitysdk.core.review;

import org.jspecify.annotations.NullMarked;
