package dev.communitysdk.spi.model;

/** How a listing of topics is ordered. Each order is backed by an index and paged by keyset. */
public enum ListingOrder {
  /** Newest first, by creation time. */
  LATEST,
  /** Most recent activity first. */
  ACTIVE,
  /** Highest score first. */
  TOP,
  /** Reddit's hot rank: score on a log scale plus age, newest and best first. */
  HOT;
}
