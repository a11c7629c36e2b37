package dev.communitysdk.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HotRankTest {
  private static final Instant T = Instant.ofEpochSecond(HotRank.EPOCH_SECONDS + 450_000);

  @Test
  void of_matchesRedditsFormula() {
    // sign(100) * log10(100) + 450000 / 45000 = 2 + 10
    assertThat(HotRank.of(100, T)).isCloseTo(12.0, within(1e-9));
    assertThat(HotRank.of(-100, T)).isCloseTo(8.0, within(1e-9));
    assertThat(HotRank.of(0, T)).isCloseTo(10.0, within(1e-9));
    assertThat(HotRank.of(1, T)).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void of_tenTimesTheScoreIsWorthTwelveAndAHalfHours() {
    Instant later = T.plus(Duration.ofMinutes(750));
    assertThat(HotRank.of(10, T)).isCloseTo(HotRank.of(1, later), within(1e-9));
  }

  @Test
  void explain_termsAddUpToTheRank() {
    HotRank.Explanation terms = HotRank.explain(250, T);
    assertThat(terms.scoreTerm() + terms.ageTerm()).isEqualTo(HotRank.of(250, T));
    assertThat(terms.scoreTerm()).isCloseTo(Math.log10(250), within(1e-12));
  }
}
