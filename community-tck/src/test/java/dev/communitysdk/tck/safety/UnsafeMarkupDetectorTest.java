package dev.communitysdk.tck.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.communitysdk.core.content.ContentRenderer;

/** The XSS assertions are only worth something if they can fail: these prove the detector flags unsafe HTML. */
class UnsafeMarkupDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "<p>hi</p><script>alert(1)</script>",
      "<p><SCRIPT SRC=https://evil.example/x.js></SCRIPT></p>",
      "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\" />",
      "<p onclick=alert(1)>x</p>",
      "<a href=\"javascript:alert(1)\" rel=\"nofollow ugc\">x</a>",
      "<a href=\"jav&#x61;script:alert(1)\" rel=\"nofollow ugc\">x</a>",
      "<a href=\" java&#9;script:alert(1)\" rel=\"nofollow ugc\">x</a>",
      "<a href=\"VBScript:msgbox(1)\" rel=\"nofollow ugc\">x</a>",
      "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" />",
      "<img src=\"mailto:a@ok.example\" />",
      "<a href=\"/relative\" rel=\"nofollow ugc\">x</a>",
      "<a href=\"https://ok.example\">no rel</a>",
      "<a href=\"https://ok.example\" rel=\"nofollow\">half a rel</a>",
      "<a href=\"https://ok.example\" rel=\"nofollow ugc\" target=\"_blank\">x</a>",
      "<svg onload=alert(1)></svg>",
      "<iframe src=\"https://evil.example\"></iframe>",
      "<object data=\"x\"></object>",
      "<embed src=\"x\">",
      "<math><mi>x</mi></math>",
      "<style>p{}</style>",
      "<meta http-equiv=\"refresh\" content=\"0\">",
      "<link rel=stylesheet href=\"https://evil.example/x.css\">",
      "<base href=\"https://evil.example/\">",
      "<form action=\"https://evil.example\"></form>",
      "<p style=\"color:red\">x</p>",
      "<p>broken <img src=x onerror=alert(1)</p>",
      "<!-- comment --><p>x</p>",
      "<span>not a mention</span>",
      "<span class=\"mention\" onclick=\"alert(1)\">@x</span>",
      "<span class=\"mention\" data-handle=\"x\" style=\"color:red\">@x</span>",
  })
  void problems_unsafeHtml_areReported(String unsafe) {
    assertThat(UnsafeMarkupDetector.problems(unsafe)).isNotEmpty();
  }

  @Test
  void problems_owaspTemplateBreak_isNone() {
    String rendered = ContentRenderer.standard().render("{{7*7}} and {").html();

    assertThat(rendered).contains("{<!-- -->");
    assertThat(UnsafeMarkupDetector.problems(rendered)).isEmpty();
    assertThat(UnsafeMarkupDetector.problems("<p>{<!-- <script>alert(1)</script> --></p>")).isNotEmpty();
  }

  @Test
  void problems_safeRenderedHtml_areNone() {
    String safe = "<h2>Title</h2>\n<p>Some <em>text</em> &lt;script&gt; and "
        + "<a href=\"https://ok.example/?a&#61;1&amp;b&#61;2\" title=\"t&#34;\" rel=\"nofollow ugc\">a link</a> "
        + "<a href=\"mailto:a&#64;ok.example\" rel=\"ugc nofollow\">mail</a> "
        + "<img src=\"https://ok.example/i.png\" alt=\"i\" /></p>\n"
        + "<pre><code class=\"language-java\">if (a &lt; b) {}</code></pre><ol start=\"3\"><li>x</li></ol>"
        + "<p><span class=\"mention\" data-handle=\"ada_admin\">@Ada_Admin</span></p>";

    assertThat(UnsafeMarkupDetector.problems(safe)).isEmpty();
  }
}
