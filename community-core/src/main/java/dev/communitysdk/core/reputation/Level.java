package dev.communitysdk.core.reputation;

/** Named levels a member reaches by reputation, shown next to their name. */
public enum Level {
  /** From the start. */
  NEWCOMER(0),
  /** 50 reputation: has helped a few times. */
  CONTRIBUTOR(50),
  /** 200 reputation: helps regularly. */
  REGULAR(200),
  /** 1,000 reputation: trusted by the community. */
  TRUSTED(1_000),
  /** 5,000 reputation: a recognised expert. */
  EXPERT(5_000),
  /** 20,000 reputation: one of the community's pillars. */
  LEADER(20_000);

  private final long minimum;

  Level(long minimum) {
    this.minimum = minimum;
  }

  /** @return the reputation the level starts at */
  public long minimum() {
    return minimum;
  }

  /**
   * @param reputation a reputation total
   * @return the highest level the total reaches
   */
  public static Level of(long reputation) {
    Level reached = NEWCOMER;
    for (Level level : values()) {
      if (reputation >= level.minimum) {
        reached = level;
      }
    }
    return reached;
  }
}
