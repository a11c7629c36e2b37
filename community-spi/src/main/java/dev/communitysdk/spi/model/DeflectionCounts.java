package dev.communitysdk.spi.model;

/**
 * How the questions asked in one space during a period fared. Questions pending approval or deleted are not counted.
 *
 * @param asked the questions asked
 * @param deflected those solved in the community (an accepted answer) without ever being escalated
 * @param escalated those escalated to a support case
 * @param escalatedResolved those escalated whose escalation is no longer open: the case's resolution was posted back,
 *     or an answer was accepted in the community meanwhile
 */
public record DeflectionCounts(long asked, long deflected, long escalated, long escalatedResolved) {
  /** No questions. */
  public static final DeflectionCounts NONE = new DeflectionCounts(0, 0, 0, 0);

  /** Checks that the counts are consistent. */
  public DeflectionCounts {
    Checks.nonNegative(asked, "asked");
    Checks.nonNegative(deflected, "deflected");
    Checks.nonNegative(escalated, "escalated");
    Checks.nonNegative(escalatedResolved, "escalatedResolved");
    if (deflected + escalated > asked || escalatedResolved > escalated) {
      throw new IllegalArgumentException("inconsistent deflection counts: asked " + asked + ", deflected " + deflected
          + ", escalated " + escalated + ", escalated and resolved " + escalatedResolved);
    }
  }

  /**
   * @param other the counts of another space or period
   * @return the sum of both
   */
  public DeflectionCounts plus(DeflectionCounts other) {
    return new DeflectionCounts(asked + other.asked, deflected + other.deflected, escalated + other.escalated,
        escalatedResolved + other.escalatedResolved);
  }
}
