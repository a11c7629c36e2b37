package dev.communitysdk.spi.model;

/** Whether a member can act. */
public enum MemberStatus {
  /** Can read and write. */
  ACTIVE,
  /** The host removed the user; the profile stays but cannot act. */
  DEACTIVATED,
  /** Personal data removed on request; content shows as a former member. */
  ERASED;
}
