package dev.communitysdk.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The final allow-list on its own, fed HTML that commonmark would never produce, as a bug or a new version might. */
class OutputPolicyTest {

  private static String sanitize(String html) {
    return OutputPolicy.POLICY.sanitize(html);
  }

  @Test
  void sanitize_linkWithRefusedScheme_dropsTheTagAndKeepsTheText() {
    assertThat(sanitize("<a href=\"javascript:alert(1)\">x</a>")).isEqualTo("x");
  }

  @Test
  void sanitize_linkWithRelativeHref_dropsTheTagAndKeepsTheText() {
    assertThat(sanitize("<a href=\"/admin\">x</a><a href=\"//evil.example\">y</a>")).isEqualTo("xy");
  }

  @Test
  void sanitize_linkWithEmptyHref_dropsTheTagAndKeepsTheText() {
    assertThat(sanitize("<a href=\"\">x</a>")).isEqualTo("x");
  }

  @Test
  void sanitize_imageWithRefusedOrMissingSource_isDropped() {
    assertThat(sanitize("<img src=\"mailto:a@ok.example\" alt=\"a\"><img alt=\"b\"><img src=\"data:x\">")).isEmpty();
  }

  @Test
  void sanitize_linkWithTargetAndOwnRel_getsExactlyNofollowUgc() {
    assertThat(sanitize("<a href=\"https://ok.example\" target=\"_blank\" rel=\"opener\">x</a>"))
        .isEqualTo("<a href=\"https://ok.example\" rel=\"nofollow ugc\">x</a>");
  }

  @Test
  void sanitize_styleAndForeignClasses_areRemoved() {
    assertThat(sanitize("<p style=\"color:red\" class=\"x\"><code class=\"evil\">a</code>"
        + "<code class=\"language-rust\">b</code></p>"))
        .isEqualTo("<p><code>a</code><code class=\"language-rust\">b</code></p>");
  }

  @Test
  void sanitize_elementsOutsideTheList_keepOnlyTheirText() {
    assertThat(sanitize("<table><tr><td>cell</td></tr></table><span>s</span><div>d</div>"))
        .isEqualTo("cellsd");
  }

  @Test
  void sanitize_mentionSpan_isKeptWithItsClassAndHandleOnly() {
    assertThat(sanitize("<span class=\"mention\" data-handle=\"ada\" onclick=\"x()\" style=\"a:b\">@ada</span>"))
        .isEqualTo("<span class=\"mention\" data-handle=\"ada\">&#64;ada</span>");
  }

  @Test
  void sanitize_spanThatIsNoMention_dropsTheTagAndKeepsTheText() {
    assertThat(sanitize("<span>x</span><span class=\"evil\">y</span><span class=\"mention x\">z</span>"))
        .isEqualTo("xyz");
  }

  @Test
  void sanitize_mentionWithABadHandle_losesTheHandle() {
    assertThat(sanitize("<span class=\"mention\" data-handle=\"a&quot; onclick=&quot;x\">@a</span>"))
        .isEqualTo("<span class=\"mention\">&#64;a</span>");
  }
}
