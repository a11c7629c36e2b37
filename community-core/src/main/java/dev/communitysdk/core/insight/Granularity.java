package dev.communitysdk.core.insight;

/** How a sentiment series groups days. */
public enum Granularity {
  /** One bucket per UTC day. */
  DAY,
  /** One bucket per ISO week (Monday to Sunday, UTC). */
  WEEK
}
