package dev.communitysdk.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tokenizer = new Tokenizer(Set.of(":)", ":-(", "<3"));

  private String[] words(String text) {
    Tokens t = tokenizer.tokenize(text);
    return Arrays.copyOf(t.words, t.size);
  }

  @Test
  void tokenize_stripsPunctuationAndLowerCases() {
    assertThat(words("Hello, World! It's **well-made**.")).containsExactly("hello", "world", "it's", "well-made");
  }

  @Test
  void tokenize_normalizesTypographicApostrophes() {
    assertThat(words("Don\u2019t")).containsExactly("don't");
  }

  @Test
  void tokenize_keepsEmoticonsWhole() {
    assertThat(words("fine :) really :-(")).containsExactly("fine", ":)", "really", ":-(");
  }

  @Test
  void tokenize_countsExclamationAndQuestionMarks() {
    Tokens t = tokenizer.tokenize("What?! No!!");
    assertThat(t.exclamations).isEqualTo(3);
    assertThat(t.questions).isEqualTo(1);
  }

  @Test
  void tokenize_marksCapitalsOnlyForWordsOfTwoOrMoreLetters() {
    Tokens t = tokenizer.tokenize("I said GREAT");
    assertThat(t.caps[0]).isFalse();
    assertThat(t.caps[2]).isTrue();
    assertThat(t.capsDiffer()).isTrue();
  }

  @Test
  void tokenize_separatesClausesAndSentences() {
    Tokens t = tokenizer.tokenize("a, b. c\n\nd");
    assertThat(t.clause[0]).isNotEqualTo(t.clause[1]);
    assertThat(t.sentence[0]).isEqualTo(t.sentence[1]);
    assertThat(t.sentence[1]).isNotEqualTo(t.sentence[2]);
    assertThat(t.sentence[2]).isNotEqualTo(t.sentence[3]);
  }

  @Test
  void tokenize_skipsCodeAndUrls() {
    assertThat(words("see `bad code` and https://x.example/awful then [docs](http://y.example)"))
        .containsExactly("see", "and", "then", "docs");
  }

  @Test
  void tokenize_splitsEmojiFromWordsAndDropsModifiers() {
    assertThat(words("nice\uD83D\uDC4D\uD83C\uDFFD!")).containsExactly("nice", "\uD83D\uDC4D");
  }
}
