package dev.communitysdk.tck.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.communitysdk.core.content.HtmlText;

/** Plain text escaped with {@link HtmlText} is inert as element content and as a quoted attribute value. */
class HtmlTextSafetyTest {
  static Stream<String> payloads() {
    return XssCorpus.payloads().stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("payloads")
  void escapeText_xssPayload_isSafeInsideAnAllowedElementAndAttribute(String payload) {
    String escaped = HtmlText.escapeText(payload);

    assertThat(UnsafeMarkupDetector.problems("<h1 title=\"" + escaped + "\">" + escaped + "</h1>")).isEmpty();
  }
}
