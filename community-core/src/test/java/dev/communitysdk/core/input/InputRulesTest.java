package dev.communitysdk.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.communitysdk.spi.error.ValidationException;

class InputRulesTest {
  @Test
  void title_atBothLimits_isAccepted() {
    assertThat(InputRules.title("x".repeat(10))).hasSize(10);
    assertThat(InputRules.title("x".repeat(150))).hasSize(150);
  }

  @Test
  void title_countsCodePointsNotChars() {
    String tenEmoji = "\uD83D\uDE00".repeat(10);
    assertThat(InputRules.title(tenEmoji)).isEqualTo(tenEmoji);
    assertThatThrownBy(() -> InputRules.title("\uD83D\uDE00".repeat(151))).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "too short", "          ", "ten chars\u0000x", "line\nbreak in title"})
  void title_breakingARule_namesTheField(String title) {
    assertThatThrownBy(() -> InputRules.title(title))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
  }

  @Test
  void title_overLimit_summarizesTheValueShortly() {
    ValidationException e = (ValidationException) catchThrowable(() -> InputRules.title("y".repeat(1000)));
    assertThat(e.rule()).isEqualTo("must be 10 to 150 characters");
    assertThat(e.valueSummary()).hasSizeLessThan(80).contains("1000 chars");
  }

  @Test
  void body_allowsLineBreaksAndTabsButNoOtherControls() {
    assertThat(InputRules.body("a\n\tb\r\n")).isEqualTo("a\n\tb\r\n");
    assertThatThrownBy(() -> InputRules.body("bell \u0007"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains("control"));
    assertThatThrownBy(() -> InputRules.body("x".repeat(50_001))).isInstanceOf(ValidationException.class);
    assertThat(InputRules.body("x".repeat(50_000))).hasSize(50_000);
  }

  @Test
  void tags_validList_isKeptInOrder() {
    assertThat(InputRules.tags(List.of("wifi", "x-200", "a1"))).containsExactly("wifi", "x-200", "a1");
    assertThat(InputRules.tags(List.of())).isEmpty();
  }

  @Test
  void tags_breakingARule_namesTheOffendingIndex() {
    assertThatThrownBy(() -> InputRules.tags(List.of("ok", "UPPER")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags[1]"));
    assertThatThrownBy(() -> InputRules.tags(List.of("a".repeat(31))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags[0]"));
    assertThatThrownBy(() -> InputRules.tags(List.of("a", "b", "c", "d", "e", "f")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags"));
    assertThatThrownBy(() -> InputRules.tags(List.of("dup", "dup")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains("repeat"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "support", "x-200", "0abc9"})
  void slug_valid_isAccepted(String slug) {
    assertThat(InputRules.slug(slug)).isEqualTo(slug);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-lead", "trail-", "Upper", "has space", "dots.no"})
  void slug_invalid_isRejected(String slug) {
    assertThatThrownBy(() -> InputRules.slug(slug))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("slug"));
  }

  @Test
  void productId_catalogStyleIds_areAcceptedAndOthersRejected() {
    assertThat(InputRules.productId("sku:X200-eu_v2.1")).isEqualTo("sku:X200-eu_v2.1");
    for (String bad : new String[] {"", "has space", "x".repeat(101), "<script>"}) {
      assertThatThrownBy(() -> InputRules.productId(bad))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("productId"));
    }
  }

  @Test
  void pageSize_outOfRange_namesTheField() {
    assertThat(InputRules.pageSize("limit", 1, 100)).isEqualTo(1);
    assertThatThrownBy(() -> InputRules.pageSize("limit", 101, 100))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
  }

  private static Throwable catchThrowable(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected an exception");
  }
}
