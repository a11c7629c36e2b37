package dev.communitysdk.spi.model;

/** How hard a badge is to earn. */
public enum BadgeTier {
  /** Easy: first steps. */
  BRONZE,
  /** Takes sustained good work. */
  SILVER,
  /** Rare. */
  GOLD
}
