package dev.communitysdk.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.sentiment.SentimentScore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SentimentPropertiesTest {
  private static final List<String> WORDS = List.of(
      "good", "bad", "not", "very", "but", "although", "GREAT", "awful", "!", "?", ":)", ":(", "too", "long", "never",
      "so", "works", "doesn't", "work", "crashes", "fixed", "like", "least", "kind", "of", "could", "have", "been",
      "\uD83D\uDE0D", "`", "```", "http://x.y", ",", ".", "\n", "no", "longer", "without", "doubt", "achingly");

  private final EnglishSentimentAnalyzer analyzer = EnglishSentimentAnalyzer.create();

  @Property
  void analyze_anyText_scoresWithinBoundsWithTheMatchingLabel(@ForAll String text) {
    SentimentScore s = analyzer.analyze(text);
    assertThat(s.score()).isBetween(-1.0, 1.0);
    assertThat(s.label()).isEqualTo(SentimentLabel.of(s.score()));
  }

  @Property
  void analyze_sentenceOfRuleWords_scoresWithinBoundsAndDeterministically(@ForAll("ruleSentences") String text) {
    SentimentScore first = analyzer.analyze(text);
    assertThat(first.score()).isBetween(-1.0, 1.0);
    assertThat(analyzer.analyze(text)).isEqualTo(first);
  }

  @Property
  void analyze_negatingAPositiveAdjective_neverMakesItMorePositive(@ForAll("positiveAdjectives") String adjective) {
    assertThat(analyzer.analyze("it is not " + adjective).score())
        .isLessThan(analyzer.analyze("it is " + adjective).score());
  }

  @Provide
  Arbitrary<String> ruleSentences() {
    return Arbitraries.of(WORDS).list().ofMaxSize(30).map(words -> String.join(" ", words));
  }

  @Provide
  Arbitrary<String> positiveAdjectives() {
    return Arbitraries.of("good", "great", "helpful", "reliable", "funny", "clever", "gripping", "fast", "intuitive");
  }

  @Test
  void analyze_fromManyThreads_givesTheSameScores() throws Exception {
    List<String> texts = List.of("Works great!", "It doesn't work :(", "not bad, but too slow", "Meh.", "");
    List<SentimentScore> expected = texts.stream().map(analyzer::analyze).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<SentimentScore>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          List<SentimentScore> last = List.of();
          for (int round = 0; round < 500; round++) {
            last = texts.stream().map(analyzer::analyze).toList();
          }
          return last;
        }));
      }
      for (Future<List<SentimentScore>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
