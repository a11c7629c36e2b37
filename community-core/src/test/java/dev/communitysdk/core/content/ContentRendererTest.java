package dev.communitysdk.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRendererTest {
  private final ContentRenderer renderer = ContentRenderer.standard();

  private String html(String markdown) {
    return renderer.render(markdown).html();
  }

  @Nested
  class OrdinaryMarkdown {
    @Test
    void render_headingsAndEmphasis_becomeTheirElements() {
      assertThat(html("# One\n\n### Three\n\nSome *em* and **strong**."))
          .contains("<h1>One</h1>", "<h3>Three</h3>", "<em>em</em>", "<strong>strong</strong>");
    }

    @Test
    void render_lists_keepOrderAndStart() {
      assertThat(html("- a\n- b\n\n3. c\n4. d"))
          .contains("<ul><li>a</li><li>b</li></ul>", "<ol start=\"3\"><li>c</li><li>d</li></ol>");
    }

    @Test
    void render_fencedCode_keepsLanguageClassAndEscapesContent() {
      assertThat(html("```java\nif (a < b && c) {}\n```"))
          .isEqualTo("<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; c) {}\n</code></pre>\n");
    }

    @Test
    void render_fencedCodeWithHostileInfoString_dropsTheClass() {
      assertThat(html("```\"onclick=x\ncode\n```")).startsWith("<pre><code>code");
    }

    @Test
    void render_inlineCodeAndQuoteAndRule_areRendered() {
      assertThat(html("`x`\n\n> quoted\n\n---"))
          .contains("<code>x</code>", "<blockquote>\n<p>quoted</p>\n</blockquote>", "<hr />");
    }

    @Test
    void render_link_getsNofollowUgc() {
      assertThat(html("[docs](https://ok.example/docs \"The docs\")"))
          .isEqualTo("<p><a href=\"https://ok.example/docs\" title=\"The docs\" rel=\"nofollow ugc\">docs</a></p>\n");
    }

    @Test
    void render_autolinkAndMailto_getNofollowUgc() {
      assertThat(html("<https://ok.example> <mailto:help@ok.example>"))
          .contains("<a href=\"https://ok.example\" rel=\"nofollow ugc\">",
              "<a href=\"mailto:help&#64;ok.example\" rel=\"nofollow ugc\">");
    }

    @Test
    void render_httpsImage_isKeptWithAlt() {
      assertThat(html("![logo](https://ok.example/logo.png)"))
          .contains("<img src=\"https://ok.example/logo.png\" alt=\"logo\" />");
    }

    @Test
    void render_emptyInput_isEmpty() {
      assertThat(html("")).isEmpty();
    }

    @Test
    void render_null_isRejectedWithTheParameterName() {
      assertThatNullPointerException().isThrownBy(() -> renderer.render(null)).withMessage("markdown");
    }
  }

  @Nested
  class RawHtmlAndUrls {
    @Test
    void render_rawHtmlBlock_isEscapedNotRendered() {
      assertThat(html("<div onclick=\"x()\"><b>bold</b></div>"))
          .doesNotContain("<div", "<b>")
          .contains("&lt;div onclick&#61;&#34;x()&#34;&gt;&lt;b&gt;bold&lt;/b&gt;&lt;/div&gt;");
    }

    @Test
    void render_rawInlineHtml_isEscapedNotRendered() {
      assertThat(html("a <script>alert(1)</script> b"))
          .isEqualTo("<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "vbscript:x", "/relative", "#top", "//host/x",
        "ftp://ok.example/f"})
    void render_linkOutsideTheAllowList_keepsTheTextAndDropsTheLink(String url) {
      assertThat(html("[click](" + url + ")")).isEqualTo("<p>click</p>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:image/png;base64,AAAA", "javascript:x", "mailto:a@ok.example", "/logo.png"})
    void render_imageOutsideTheAllowList_keepsTheDescriptionAndDropsTheImage(String url) {
      assertThat(html("![the logo](" + url + ")")).isEqualTo("<p>the logo</p>\n");
    }

    @Test
    void render_upperCaseScheme_isAllowed() {
      assertThat(html("[x](HTTPS://ok.example)")).contains("<a href=\"HTTPS://ok.example\" rel=\"nofollow ugc\">");
    }
  }

  @Nested
  class LinksAndMentions {
    @Test
    void render_linksOfEveryKind_areCounted() {
      RenderedContent content = renderer.render(
          "[a](https://ok.example) [b][ref] <https://ok.example/c> ![img](https://ok.example/i.png)\n\n"
              + "[ref]: https://ok.example/b");

      assertThat(content.linkCount()).isEqualTo(3);
    }

    @Test
    void render_refusedLinks_stillCount() {
      assertThat(renderer.render("[a](javascript:x) [b](/rel) [c](https://ok.example)").linkCount()).isEqualTo(3);
    }

    @Test
    void render_bareUrl_isNeitherLinkedNorCounted() {
      RenderedContent content = renderer.render("see https://ok.example");

      assertThat(content.linkCount()).isZero();
      assertThat(content.html()).doesNotContain("<a");
    }

    @Test
    void render_mentions_areLowerCasedDeduplicatedInOrder() {
      RenderedContent content = renderer.render("Thanks @Bob and @anna.k, also @BOB and @carol_1!");

      assertThat(content.mentions()).containsExactly("bob", "anna.k", "carol_1");
    }

    @Test
    void render_mentionsInCodeLinksAndEmails_areIgnored() {
      RenderedContent content = renderer.render(
          "`@code` [@linked](https://ok.example) mail bob@ok.example <mailto:x@ok.example>\n\n"
              + "```\n@fenced\n```\n\n    @indented\n\n![@alt](https://ok.example/i.png) @real");

      assertThat(content.mentions()).containsExactly("real");
    }

    @Test
    void render_mentionsInEmphasisListsAndQuotes_areFound() {
      RenderedContent content = renderer.render("*@one*\n\n- @two\n\n> @three");

      assertThat(content.mentions()).containsExactly("one", "two", "three");
    }

    @Test
    void render_mentionEndingASentence_dropsThePunctuation() {
      assertThat(renderer.render("Ask @dave. Or @erin-").mentions()).containsExactly("dave", "erin");
    }

    @Test
    void render_noMentions_isAnEmptyList() {
      assertThat(renderer.render("plain text @ and @@").mentions()).isEmpty();
    }
  }

  @Nested
  class LimitsAndDeterminism {
    @Test
    void render_sameInputTwice_givesEqualResults() {
      String markdown = "# T\n\n@x [y](https://ok.example) ![z](https://ok.example/z.png)\n\n```js\nq\n```";

      assertThat(renderer.render(markdown)).isEqualTo(renderer.render(markdown));
    }

    @Test
    void version_isTheVersionStampedOnResults() {
      assertThat(renderer.version()).isEqualTo(2);
      assertThat(renderer.render("x").renderVersion()).isEqualTo(renderer.version());
    }

    @Test
    void render_deepBlockquoteNesting_isFlattenedAtTheLimit() {
      String html = html("> ".repeat(100) + "deep");

      assertThat(html.split("<blockquote>", -1)).hasSize(ContentRenderer.MAX_BLOCK_NESTING + 1);
      assertThat(html).contains("deep");
    }

    @Test
    void render_deepListNesting_isFlattenedAtTheLimit() {
      String html = html("- ".repeat(100) + "deep");

      assertThat(html.split("<ul>", -1).length - 1).isLessThanOrEqualTo(ContentRenderer.MAX_BLOCK_NESTING);
    }

    @Test
    void render_deepEmphasisNesting_isFlattenedAtTheLimit() {
      String html = html("*".repeat(200) + "x" + "*".repeat(200));

      assertThat(html.split("<strong>", -1).length + html.split("<em>", -1).length - 2)
          .isLessThanOrEqualTo(ContentRenderer.MAX_INLINE_NESTING);
    }

    @ParameterizedTest
    @ValueSource(strings = {">", "[", "*", "> ", "- ", "*a ", "[a](", "![", "`", "<", "_", "](", "&#"})
    @Timeout(5)
    void render_fiftyThousandCharacterRun_finishesFastWithoutBlowingTheStack(String unit) {
      String markdown = unit.repeat(50_000 / unit.length());

      long start = System.nanoTime();
      RenderedContent content = renderer.render(markdown);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofSeconds(2));
      assertThat(ContentRendererPropertiesTest.resanitized(content.html()))
          .isEqualTo(ContentRendererPropertiesTest.withoutBacktickPadding(content.html()));
    }
  }

  @Nested
  class Mentions {
    @Test
    void render_mentionableHandle_becomesAMentionSpanWithTheTextAsWritten() {
      String html = renderer.render("Thanks @Ada_Lovelace!", Set.of("ada_lovelace")).html();

      assertThat(html).isEqualTo(
          "<p>Thanks <span class=\"mention\" data-handle=\"ada_lovelace\">&#64;Ada_Lovelace</span>!</p>\n");
    }

    @Test
    void render_handleNotMentionable_staysPlainText() {
      assertThat(renderer.render("Ask @bob", Set.of("ada")).html()).isEqualTo("<p>Ask &#64;bob</p>\n");
    }

    @Test
    void render_mentionInCodeOrLink_isNeverMarkedUp() {
      String html = renderer.render("`@ada` [@ada](https://ok.example)\n\n    @ada\n", Set.of("ada")).html();

      assertThat(html).doesNotContain("mention");
    }

    @Test
    void render_withoutMentionable_isTheOneArgumentRendering() {
      assertThat(renderer.render("Hi @ada", Set.of())).isEqualTo(renderer.render("Hi @ada"));
    }
  }
}
