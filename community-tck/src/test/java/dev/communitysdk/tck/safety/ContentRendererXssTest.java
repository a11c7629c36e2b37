package dev.communitysdk.tck.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.communitysdk.core.content.ContentRenderer;

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
  void render_xssPayloadMentioningAHandle_outputHasNoExecutableMarkup(String payload) {
    String html = renderer.render(payload + " @ada " + payload, Set.of("ada")).html();

    assertThat(UnsafeMarkupDetector.problems(html)).as("problems in %s", html).isEmpty();
  }
}
