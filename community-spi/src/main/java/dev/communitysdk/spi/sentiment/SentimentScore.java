package dev.communitysdk.spi.sentiment;

import static java.util.Objects.requireNonNull;

/**
 * The sentiment of a text.
 *
 * @param score from -1 (most negative) to 1 (most positive); 0 when nothing is known
 * @param label the coarse reading of the score
 */
public record SentimentScore(double score, SentimentLabel label) {
  /** A text of which nothing is known. */
  public static final SentimentScore NEUTRAL = new SentimentScore(0, SentimentLabel.NEUTRAL);

  /** Checks that the score lies in [-1, 1]. */
  public SentimentScore {
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
    }
    requireNonNull(label, "label");
  }

  /**
   * @param score from -1 to 1
   * @return the score with the label {@link SentimentLabel#of(double)} gives it
   */
  public static SentimentScore of(double score) {
    return new SentimentScore(score, SentimentLabel.of(score));
  }
}
