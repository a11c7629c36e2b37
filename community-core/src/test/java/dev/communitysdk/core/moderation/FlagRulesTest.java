package dev.communitysdk.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.communitysdk.core.reputation.Level;
import dev.communitysdk.spi.model.FlaggerRecord;

class FlagRulesTest {
  private final FlagRules rules = FlagRules.defaults();

  @Test
  void defaults_areTheDocumentedOnes() {
    assertThat(rules.moderatorWeight()).isEqualTo(5);
    assertThat(rules.hideWeight()).isEqualTo(5);
    assertThat(rules.memberWeightCap()).isEqualTo(4);
    assertThat(rules.accuracyAfter()).isEqualTo(5);
  }

  @Test
  void weight_moderator_isFlatWhateverTheRecord() {
    assertThat(rules.weight(true, Level.NEWCOMER, new FlaggerRecord(0, 50))).isEqualTo(5);
  }

  @Test
  void weight_withoutEnoughDecisions_isOnePlusLevelBonus() {
    FlaggerRecord few = new FlaggerRecord(0, 4);
    assertThat(rules.weight(false, Level.NEWCOMER, few)).isEqualTo(1);
    assertThat(rules.weight(false, Level.CONTRIBUTOR, few)).isEqualTo(1);
    assertThat(rules.weight(false, Level.REGULAR, few)).isEqualTo(2);
    assertThat(rules.weight(false, Level.TRUSTED, few)).isEqualTo(2);
    assertThat(rules.weight(false, Level.EXPERT, few)).isEqualTo(3);
    assertThat(rules.weight(false, Level.LEADER, FlaggerRecord.NONE)).isEqualTo(3);
  }

  @Test
  void weight_scalesByAccuracy_roundingHalvesUp() {
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(5, 0))).isEqualTo(2);
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(4, 1))).as("1.6").isEqualTo(2);
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(3, 2))).as("1.2").isEqualTo(1);
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(4, 4))).as("1.0").isEqualTo(1);
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(2, 6))).as("0.5 rounds up").isEqualTo(1);
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(1, 4))).as("0.4").isZero();
    assertThat(rules.weight(false, Level.NEWCOMER, new FlaggerRecord(0, 5))).isZero();
    assertThat(rules.weight(false, Level.REGULAR, new FlaggerRecord(3, 2))).as("2.4").isEqualTo(2);
  }

  @Test
  void weight_ofMembers_isCapped() {
    assertThat(rules.weight(false, Level.EXPERT, new FlaggerRecord(10, 0))).as("6 capped").isEqualTo(4);
    assertThat(rules.weight(false, Level.REGULAR, new FlaggerRecord(10, 0))).isEqualTo(4);
  }

  @Test
  void rules_withMissingLevelsOrBadNumbers_areRejected() {
    Map<Level, Integer> partial = new EnumMap<>(Level.class);
    partial.put(Level.NEWCOMER, 0);
    assertThatThrownBy(() -> new FlagRules(5, partial, 4, 5, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONTRIBUTOR");
    assertThatThrownBy(() -> rules.withHideWeight(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hideWeight");
    assertThat(rules.withHideWeight(3).hideWeight()).isEqualTo(3);
  }
}
