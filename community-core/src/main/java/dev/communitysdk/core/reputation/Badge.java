package dev.communitysdk.core.reputation;

import dev.communitysdk.spi.model.BadgeTier;

/** The badges the community awards, each once per member and subject. */
public enum Badge {
  /** A member's first answer to someone else's question. */
  FIRST_ANSWER("first-answer", BadgeTier.BRONZE, 0),
  /** An answer scored 10 or more. Subject: the post. */
  NICE_ANSWER("nice-answer", BadgeTier.BRONZE, 10),
  /** An answer scored 25 or more. Subject: the post. */
  GOOD_ANSWER("good-answer", BadgeTier.SILVER, 25),
  /** An answer scored 50 or more. Subject: the post. */
  GREAT_ANSWER("great-answer", BadgeTier.GOLD, 50),
  /** A member's first accepted answer. */
  ACCEPTED_ANSWER("accepted-answer", BadgeTier.BRONZE, 0),
  /** A member's first accepted answer in a tag. Subject: the tag. */
  TAG_ACCEPTED("tag-accepted", BadgeTier.SILVER, 0);

  private final String id;
  private final BadgeTier tier;
  private final long score;

  Badge(String id, BadgeTier tier, long score) {
    this.id = id;
    this.tier = tier;
    this.score = score;
  }

  /** @return the id stored with awards, such as {@code "nice-answer"} */
  public String id() {
    return id;
  }

  /** @return bronze, silver or gold */
  public BadgeTier tier() {
    return tier;
  }

  /** @return for answer-score badges, the score that earns it; 0 otherwise */
  public long score() {
    return score;
  }
}
