package dev.communitysdk.spi.model;

/** A member's role, given by the host's identity provider. Roles add rights; none takes any away. */
public enum Role {
  /** Every signed-in member. */
  MEMBER,
  /** A recognised expert, often a partner or power user. */
  EXPERT,
  /** The company's staff: official responses, idea status changes, bypasses reputation thresholds. */
  EMPLOYEE,
  /** A partner company's staff. */
  PARTNER,
  /** Reviews flagged content and sanctions members. */
  MODERATOR,
  /** Configures the community; can do everything a moderator can. */
  ADMIN;
}
