package dev.communitysdk.spi.model;

/** Narrows a topic listing by the state of its question. */
public enum QuestionState {
  /** Every topic. */
  ANY,
  /** Topics with no accepted answer and no reply scoring at least 0 from a member other than the asker. */
  UNANSWERED,
  /** Topics with an accepted answer. */
  SOLVED
}
