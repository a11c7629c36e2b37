package dev.communitysdk.spi.model;

/** Who may read a space. */
public enum Visibility {
  /** Every signed-in member. */
  PUBLIC,
  /** Members holding one of the space's listed roles, or of its listed customer accounts or tiers. */
  RESTRICTED,
  /** Only members explicitly added to the space, plus moderators and admins. */
  PRIVATE;
}
