package dev.communitysdk.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.sentiment.SentimentScore;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private final EnglishSentimentAnalyzer analyzer = EnglishSentimentAnalyzer.create();

  @Test
  void analyze_emptyOrBlank_isNeutral() {
    assertThat(analyzer.analyze("")).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("   \n\t ")).isEqualTo(SentimentScore.NEUTRAL);
  }

  @Test
  void analyze_punctuationOnly_isNeutral() {
    assertThat(analyzer.analyze("!!!???...,,,")).isEqualTo(SentimentScore.NEUTRAL);
  }

  @Test
  void analyze_fiftyThousandCharacters_givesABoundedScore() {
    String text = "Great product, fast shipping. ".repeat(1700);
    assertThat(text.length()).isGreaterThanOrEqualTo(50_000);
    assertThat(analyzer.analyze(text).score()).isBetween(0.05, 1.0);
  }

  @Test
  void analyze_fiftyThousandCharactersWithoutSpaces_isNeutral() {
    assertThat(analyzer.analyze("x".repeat(50_000))).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("`".repeat(50_000))).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze(":".repeat(50_000))).isEqualTo(SentimentScore.NEUTRAL);
  }

  @Test
  void analyze_fiftyThousandCharactersOfRuleWords_givesABoundedScore() {
    assertThat(analyzer.analyze("though not very but too ".repeat(2100)).score()).isBetween(-1.0, 1.0);
    assertThat(analyzer.analyze("although good ".repeat(3600)).label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void analyze_manyUnclosedBackticks_finishes() {
    assertThat(analyzer.analyze("` good ".repeat(10_000)).score()).isBetween(-1.0, 1.0);
  }

  @Test
  void analyze_markdownMarkup_isReadThroughTheMarkers() {
    assertThat(analyzer.analyze("**Great** _support_, see [the docs](https://example.com/bad-idea)").label())
        .isEqualTo(SentimentLabel.POSITIVE);
    assertThat(analyzer.analyze("# Terrible\n\n> quoted\n\n- item")).isEqualTo(analyzer.analyze("Terrible quoted item"));
  }

  @Test
  void analyze_fencedAndInlineCode_isIgnored() {
    String code = "```java\nthrow new FatalError(\"kill -9 failed, terrible bug\");\n```";
    assertThat(analyzer.analyze(code)).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("Run `rm -rf broken` first")).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("Thanks, that fixed it!\n```\nerror: fatal\n```").label())
        .isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void analyze_unclosedFence_ignoresTheRest() {
    assertThat(analyzer.analyze("Here:\n```\nfail fail fail")).isEqualTo(SentimentScore.NEUTRAL);
  }

  @Test
  void analyze_urls_areIgnored() {
    assertThat(analyzer.analyze("https://example.com/awful/terrible-crash www.bad.example"))
        .isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("see (https://example.com/love)")).isEqualTo(SentimentScore.NEUTRAL);
  }

  @Test
  void analyze_nonEnglish_isNeutral() {
    assertThat(analyzer.analyze("これはテストです。日本語の文章。")).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("Это просто текст на русском языке")).isEqualTo(SentimentScore.NEUTRAL);
    assertThat(analyzer.analyze("مرحبا بالعالم")).isEqualTo(SentimentScore.NEUTRAL);
  }

  @Test
  void analyze_emojiOnly_isScoredAndUnknownEmojiAreNeutral() {
    assertThat(analyzer.analyze("\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(analyzer.analyze("\uD83E\uDD9B")).isEqualTo(SentimentScore.NEUTRAL); // hippopotamus
  }

  @Test
  void analyze_loneSurrogatesAndControlCharacters_areNeutral() {
    assertThat(analyzer.analyze("\uD83D \uDE00 \u0000\u0007")).isEqualTo(SentimentScore.NEUTRAL);
  }
}
