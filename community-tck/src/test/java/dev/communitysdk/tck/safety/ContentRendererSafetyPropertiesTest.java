package dev.communitysdk.tck.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.communitysdk.core.content.ContentRenderer;

/**
 * Whatever the author types, the rendered HTML is safe: any string, and splices of the corpus's payloads, whose seams
 * make markup no single payload holds.
 */
class ContentRendererSafetyPropertiesTest {
  private final ContentRenderer renderer = ContentRenderer.standard();

  @Provide
  Arbitrary<String> splicedPayloads() {
    Arbitrary<String> pieces = Arbitraries.of(XssCorpus.payloads())
        .flatMap(payload -> Arbitraries.integers().between(0, payload.length())
            .map(cut -> payload.substring(cut)));
    return pieces.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void render_splicedPayloads_outputHasNoExecutableMarkup(@ForAll("splicedPayloads") String markdown) {
    String html = renderer.render(markdown, Set.of("anna")).html();

    assertThat(UnsafeMarkupDetector.problems(html)).as("problems in %s", html).isEmpty();
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
  }

  @Property(tries = 500)
  void render_anyString_outputHasNoExecutableMarkup(@ForAll String markdown) {
    assertThat(UnsafeMarkupDetector.problems(renderer.render(markdown).html())).isEmpty();
  }
}
