package dev.communitysdk.core.privacy;

/** What erasing a member does to what they wrote. Their profile's personal data goes in either mode. */
public enum ErasureMode {
  /** Posts, topics and reviews stay, shown as a former member's; anonymous ones stay anonymous. */
  KEEP_CONTENT,
  /**
   * Posts are soft-deleted with their bodies and revisions blanked; topics they opened keep their other members'
   * replies under a blanked title and opening post; reviews leave their product's rating. Counters, answer counts and
   * sentiment aggregates move as if each post had been deleted.
   */
  DELETE_CONTENT;
}
