package dev.communitysdk.spi.sentiment;

/** The coarse reading of a sentiment score. */
public enum SentimentLabel {
  /** Score at or below -0.05. */
  NEGATIVE,
  /** Score strictly between -0.05 and 0.05, or nothing known. */
  NEUTRAL,
  /** Score at or above 0.05. */
  POSITIVE;

  /** The score boundary between {@link #NEUTRAL} and the other labels, as VADER defines it. */
  public static final double THRESHOLD = 0.05;

  /**
   * @param score a score in [-1, 1]
   * @return the label for the score: positive at or above 0.05, negative at or below -0.05, neutral between
   */
  public static SentimentLabel of(double score) {
    if (score >= THRESHOLD) {
      return POSITIVE;
    }
    return score <= -THRESHOLD ? NEGATIVE : NEUTRAL;
  }
}
