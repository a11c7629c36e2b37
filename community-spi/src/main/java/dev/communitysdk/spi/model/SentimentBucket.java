package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The sentiment of one scope's posts over one period.
 *
 * @param start the first UTC day of the period
 * @param posts the number of posts
 * @param negative how many were labelled negative
 * @param neutral how many were labelled neutral
 * @param positive how many were labelled positive
 * @param scoreSum the sum of their scores
 */
public record SentimentBucket(LocalDate start, long posts, long negative, long neutral, long positive, double scoreSum) {
  /** Checks the fields. */
  public SentimentBucket {
    requireNonNull(start, "start");
    if (posts < 0 || negative < 0 || neutral < 0 || positive < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** @return the mean score, 0 without posts */
  public double mean() {
    return posts == 0 ? 0 : scoreSum / posts;
  }

  /** @return the share of negative posts, 0 without posts */
  public double negativeShare() {
    return posts == 0 ? 0 : (double) negative / posts;
  }
}
