package dev.communitysdk.spi.model;

/** What a space holds, which decides the kind of its topics. */
public enum SpaceKind {
  /** Open discussion threads. */
  DISCUSSION,
  /** Questions with answers, one of which can be accepted. */
  QUESTIONS,
  /** Product ideas that members vote on and the company moves through a status workflow. */
  IDEAS,
  /** Product reviews with star ratings. */
  REVIEWS;
}
