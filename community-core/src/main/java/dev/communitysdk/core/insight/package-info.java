/**
 * Insights for the company: the sentiment of what members write, aggregated per community, space, tag, member,
 * customer account and product, by day and week; trends; the most negative open topics; and spike alerts.
 */
@NullMarked
package dev.communitysdk.core.insight;

import org.jspecify.annotations.NullMarked;
