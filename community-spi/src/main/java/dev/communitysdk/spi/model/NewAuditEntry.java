package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An audit row to append. The fields mean what they mean on {@link AuditEntry}.
 *
 * @param actorId the member who acted
 * @param action what was done, 1 to {@value #MAX_ACTION} characters
 * @param subjectId the member the action was about, if any
 * @param targetType the kind of thing acted on, 1 to {@value #MAX_TARGET_TYPE} characters, if any
 * @param targetId the id of the thing acted on, if any; only with a target type
 * @param detail the reason or detail, at most {@value #MAX_DETAIL} characters; may be empty
 * @param at when it happened
 */
public record NewAuditEntry(
    MemberId actorId, String action, Optional<MemberId> subjectId, Optional<String> targetType,
    Optional<Long> targetId, String detail, Instant at) {
  /** The longest action a store must keep. */
  public static final int MAX_ACTION = 100;
  /** The longest target type a store must keep. */
  public static final int MAX_TARGET_TYPE = 50;
  /** The longest detail a store must keep. */
  public static final int MAX_DETAIL = 2000;

  /** Checks the fields. */
  public NewAuditEntry {
    check(actorId, action, subjectId, targetType, targetId, detail, at);
  }

  static void check(MemberId actorId, String action, Optional<MemberId> subjectId, Optional<String> targetType,
      Optional<Long> targetId, String detail, Instant at) {
    requireNonNull(actorId, "actorId");
    Checks.notBlank(action, "action");
    if (action.length() > MAX_ACTION) {
      throw new IllegalArgumentException("action must be at most " + MAX_ACTION + " characters");
    }
    requireNonNull(subjectId, "subjectId");
    requireNonNull(targetType, "targetType");
    targetType.ifPresent(type -> {
      Checks.notBlank(type, "targetType");
      if (type.length() > MAX_TARGET_TYPE) {
        throw new IllegalArgumentException("targetType must be at most " + MAX_TARGET_TYPE + " characters");
      }
    });
    requireNonNull(targetId, "targetId");
    if (targetId.isPresent() && targetType.isEmpty()) {
      throw new IllegalArgumentException("targetId needs a targetType");
    }
    requireNonNull(detail, "detail");
    if (detail.length() > MAX_DETAIL) {
      throw new IllegalArgumentException("detail must be at most " + MAX_DETAIL + " characters");
    }
    Checks.instant(at, "at");
  }
}
