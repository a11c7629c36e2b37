package dev.communitysdk.spi.model;

/**
 * Where an idea stands on the company's roadmap. Members vote while it is open ({@link #votingOpen()}); shipped,
 * declined and duplicate ideas take no votes, and their votes no longer count against a member's vote budget.
 */
public enum IdeaStatus {
  /** Proposed, not yet looked at. */
  NEW,
  /** The company is looking at it. */
  UNDER_REVIEW,
  /** On the roadmap. */
  PLANNED,
  /** Being built. */
  IN_PROGRESS,
  /** Built and released. */
  SHIPPED,
  /** Will not be built. */
  DECLINED,
  /** Merged into another idea, which holds its votes. */
  DUPLICATE;

  /** @return whether members may vote on an idea in this status */
  public boolean votingOpen() {
    return this == NEW || this == UNDER_REVIEW || this == PLANNED || this == IN_PROGRESS;
  }
}
