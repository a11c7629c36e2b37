package dev.communitysdk.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sanitizer invariants over generated input: whatever the author types, the output is stable and deterministic. That
 * it is safe is checked in the TCK ({@code dev.communitysdk.tck.safety}), where the unsafe-markup detector lives.
 *
 * <p>Plain random strings rarely form markup, so most properties also run on "markupish" input assembled from the
 * fragments attacks are made of (tags, handlers, schemes, quotes, Markdown link syntax).
 */
class ContentRendererPropertiesTest {
  private final ContentRenderer renderer = ContentRenderer.standard();

  private static final List<String> FRAGMENTS = List.of(
      "<", ">", "</", "/>", "\"", "'", "`", "=", " ", "\n", "\n\n", "\t", "&", "&#", "x", ";", ":", "(", ")", "[", "]",
      "![", "](", "<script>", "</script>", "script", "img", "svg", "iframe", "style", "a href=", " src=", "onerror=",
      " onload=", "alert(1)", "javascript:", "JaVaScRiPt:", "vbscript:", "data:text/html,", "https://ok.example",
      "mailto:", "&#106;", "&#x6A;", "&colon;", "&lt;", "&quot;", "%3C", "\\", "*", "_", "**", "> ", "- ", "1. ",
      "```", "    ", "#", "@anna", "@", "[r]: ", "\u0000", "\u0001", "\u200b");

  @Provide
  Arbitrary<String> markupish() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  /** Idempotence as defined here: sanitizing the stored HTML again changes nothing (but OWASP's backtick padding). */
  @Property(tries = 1000)
  void render_markupishInput_outputIsAFixedPointOfTheFinalPolicy(@ForAll("markupish") String markdown) {
    String html = renderer.render(markdown).html();

    assertThat(resanitized(html)).isEqualTo(withoutBacktickPadding(html));
  }

  @Property(tries = 500)
  void render_markupishInputTwice_givesEqualResults(@ForAll("markupish") String markdown) {
    assertThat(renderer.render(markdown)).isEqualTo(renderer.render(markdown));
  }

  @Property(tries = 1000)
  void render_markupishInput_mentionsAreLowerCaseHandles(@ForAll("markupish") String markdown) {
    assertThat(renderer.render(markdown).mentions())
        .allSatisfy(handle -> assertThat(handle).matches("[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?"))
        .doesNotHaveDuplicates();
  }

  @Property(tries = 1000)
  void escapeText_anyString_hasNoMarkupCharactersAndDecodesBack(@ForAll String text) {
    String escaped = HtmlText.escapeText(text);

    assertThat(escaped).doesNotContain("<", ">", "\"", "'");
    // A decoder for exactly the five references escapeText writes; &amp; last so that "&amp;lt;" stays "&lt;".
    String decoded = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
    assertThat(decoded).isEqualTo(text);
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
