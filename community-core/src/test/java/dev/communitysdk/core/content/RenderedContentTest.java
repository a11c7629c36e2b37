package dev.communitysdk.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RenderedContentTest {

  @Test
  void new_renderVersionZero_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RenderedContent("", 0, 0, List.of()))
        .withMessage("renderVersion must be positive, was 0");
  }

  @Test
  void new_negativeLinkCount_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RenderedContent("", 1, -1, List.of()))
        .withMessage("linkCount must not be negative, was -1");
  }

  @Test
  void new_mentions_areCopied() {
    List<String> mentions = new ArrayList<>(List.of("a"));
    RenderedContent content = new RenderedContent("", 1, 0, mentions);
    mentions.add("b");

    assertThat(content.mentions()).containsExactly("a");
  }
}
