package dev.communitysdk.spi.model;

/** What a sentiment aggregate is about. */
public enum SentimentScopeKind {
  /** The whole community. */
  COMMUNITY,
  /** One space. */
  SPACE,
  /** Topics carrying one tag. */
  TAG,
  /** One member's posts (never anonymous ones). */
  MEMBER,
  /** The posts of one customer account's members (never anonymous ones). */
  ACCOUNT,
  /** Posts about one product of the host's catalog. */
  PRODUCT
}
