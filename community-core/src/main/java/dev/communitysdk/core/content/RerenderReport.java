package dev.communitysdk.core.content;

/**
 * What {@link ContentMaintenance#rerenderStale} did.
 *
 * @param rerendered posts whose stored HTML was rendered again and replaced
 * @param skipped stale posts edited while the batch ran, left alone since the edit stored a current rendering
 * @param batches transactions used
 */
public record RerenderReport(long rerendered, long skipped, long batches) {
  /** Checks the fields. */
  public RerenderReport {
    if (rerendered < 0 || skipped < 0 || batches < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
