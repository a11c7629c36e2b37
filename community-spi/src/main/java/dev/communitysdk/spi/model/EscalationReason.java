package dev.communitysdk.spi.model;

/** Why a question was escalated to a support case. */
public enum EscalationReason {
  /** It went unanswered past its space's escalation service level. */
  SLA,
  /** Its asker, or a member of staff, escalated it. */
  MEMBER;
}
