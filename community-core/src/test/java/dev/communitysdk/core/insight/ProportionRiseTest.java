package dev.communitysdk.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.model.SentimentBucket;

class ProportionRiseTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  @Test
  void z_matchesTheTwoProportionFormula() {
    // 30/50 negative against 40/200: pooled 70/250 = 0.28; se = sqrt(0.28 * 0.72 * (1/50 + 1/200)) = 0.070993
    // z = (0.6 - 0.2) / 0.070993 = 5.6343
    assertThat(ProportionRise.z(bucket(50, 30), bucket(200, 40))).isCloseTo(5.6343, within(1e-3));
  }

  @Test
  void z_isNegativeForAFallAndZeroWithoutData() {
    assertThat(ProportionRise.z(bucket(50, 5), bucket(200, 100))).isNegative();
    assertThat(ProportionRise.z(bucket(0, 0), bucket(200, 100))).isZero();
    assertThat(ProportionRise.z(bucket(10, 0), bucket(10, 0))).isZero();
  }

  private static SentimentBucket bucket(long posts, long negative) {
    return new SentimentBucket(DAY, posts, negative, posts - negative, 0, -0.5 * negative);
  }
}
