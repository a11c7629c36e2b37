package dev.communitysdk.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
  @Test
  void lowerBound_noVotes_isZero() {
    assertThat(Wilson.lowerBound(0, 0)).isZero();
  }

  @Test
  void lowerBound_matchesTheFormulaForKnownValues() {
    // 1 up of 1: (1 + 1.9208 - 1.96 * sqrt(0.9604)) / (1 + 3.8416) = 0.20654
    assertThat(Wilson.lowerBound(1, 0)).isCloseTo(0.20654, within(1e-5));
    // 8 of 10 up: 0.49016 (the textbook figure for p = 0.8, n = 10)
    assertThat(Wilson.lowerBound(8, 2)).isCloseTo(0.49016, within(1e-5));
  }

  @Test
  void lowerBound_trustsMoreVotesAtTheSameShare() {
    assertThat(Wilson.lowerBound(80, 20)).isGreaterThan(Wilson.lowerBound(8, 2));
    assertThat(Wilson.lowerBound(10, 0)).isGreaterThan(Wilson.lowerBound(1, 0));
    assertThat(Wilson.lowerBound(0, 5)).isZero();
  }

  @Test
  void lowerBound_negativeCounts_areRejected() {
    assertThatThrownBy(() -> Wilson.lowerBound(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
