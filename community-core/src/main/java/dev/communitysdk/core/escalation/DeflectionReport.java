package dev.communitysdk.core.escalation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.spi.model.DeflectionCounts;
import dev.communitysdk.spi.model.SpaceId;

/**
 * How the questions asked during a period fared: how many the community solved without a support case, and how many
 * went to one.
 *
 * @param spaceId the space reported on, or empty for every questions space the reader may read
 * @param from the period's start, inclusive (questions asked from then)
 * @param to the period's end, exclusive
 * @param counts questions asked, deflected (solved in the community without a case), escalated, and escalated and
 *     resolved since; questions pending approval or deleted are not counted
 */
public record DeflectionReport(Optional<SpaceId> spaceId, Instant from, Instant to, DeflectionCounts counts) {
  /** Checks the fields. */
  public DeflectionReport {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(counts, "counts");
  }

  /** @return the share of asked questions the community solved without a case, 0 to 1; 0 when none were asked */
  public double deflectionRate() {
    return counts.asked() == 0 ? 0 : (double) counts.deflected() / counts.asked();
  }
}
