package dev.communitysdk.spi.model;

/** Where an escalated question stands. */
public enum EscalationState {
  /** Waiting for its support case, or for the case to be resolved. */
  OPEN,
  /** The support case was resolved and its resolution posted back to the question. */
  RESOLVED,
  /** An answer was accepted in the community while the escalation was open. */
  SOLVED_IN_COMMUNITY;
}
