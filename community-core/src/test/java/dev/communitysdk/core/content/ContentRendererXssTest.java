package dev.communitysdk.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every payload of the XSS corpus and checks the output with {@link UnsafeMarkupDetector}. */
class ContentRendererXssTest {
  private final ContentRenderer renderer = ContentRenderer.standard();

  static Stream<String> payloads() {
    return XssCorpus.payloads().stream();
  }

  @Test
  void corpus_isLargeEnoughToMeanSomething() {
    List<String> payloads = XssCorpus.payloads();

    assertThat(payloads).hasSizeGreaterThanOrEqualTo(150).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("payloads")
  void render_xssPayload_outputHasNoExecutableMarkup(String payload) {
    String html = renderer.render(payload).html();

    assertThat(UnsafeMarkupDetector.problems(html)).as("problems in %s", html).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("payloads")
  void render_xssPayload_outputIsAFixedPointOfTheFinalPolicy(String payload) {
    String html = renderer.render(payload).html();

    assertThat(resanitized(html)).isEqualTo(withoutBacktickPadding(html));
  }

  /**
   * Sanitizes rendered HTML again. Apart from the padding below, this changes nothing: the stored HTML is already
   * inside the allow-list, byte for byte.
   */
  static String resanitized(String html) {
    return withoutBacktickPadding(OutputPolicy.POLICY.sanitize(html));
  }

  /**
   * OWASP appends a space to every attribute value containing a backtick (old Internet Explorer treated backticks as
   * quotes), so each pass adds one more; these trailing spaces are the policy's only non-idempotent output.
   */
  static String withoutBacktickPadding(String html) {
    return html.replaceAll("(&#96;[^\"]*?) +\"", "$1\"");
  }
}
