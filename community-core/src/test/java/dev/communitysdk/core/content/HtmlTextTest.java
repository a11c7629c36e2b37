package dev.communitysdk.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void escapeText_markupCharacters_becomeReferences() {
    assertThat(HtmlText.escapeText("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&#34;x&#34; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  }

  @Test
  void escapeText_existingReference_isEscapedAgain() {
    assertThat(HtmlText.escapeText("&lt;")).isEqualTo("&amp;lt;");
  }

  @Test
  void escapeText_plainText_isReturnedUnchanged() {
    String plain = "Grüße, 日本 — ok";

    assertThat(HtmlText.escapeText(plain)).isSameAs(plain);
  }

  @Test
  void escapeText_emptyString_staysEmpty() {
    assertThat(HtmlText.escapeText("")).isEmpty();
  }

  @Test
  void escapeText_null_isRejectedWithTheParameterName() {
    assertThatNullPointerException().isThrownBy(() -> HtmlText.escapeText(null)).withMessage("text");
  }
}
