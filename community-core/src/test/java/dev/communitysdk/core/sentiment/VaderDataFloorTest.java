package dev.communitysdk.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors on the VADER study's ground-truth sentences. The sentences are third-party text and are not in the
 * repository: the test reads them from {@code COMMUNITY_SENTIMENT_DATA} or {@code /work/shared/data/sentiment} and is
 * skipped when neither exists. The floors sit a little under the measured figures, to catch regressions, not to tune.
 */
class VaderDataFloorTest {
  private final EnglishSentimentAnalyzer analyzer = EnglishSentimentAnalyzer.create();

  @Test
  void tweets_binaryAccuracyAndCorrelation_stayAboveTheirFloors() throws IOException {
    double[] m = metrics(file("tweets_GroundTruth.txt"));
    assertThat(m[0]).as("binary accuracy").isGreaterThan(0.91);
    assertThat(m[1]).as("Pearson r").isGreaterThan(0.87);
  }

  @Test
  void movieSnippets_binaryAccuracyAndCorrelation_stayAboveTheirFloors() throws IOException {
    double[] m = metrics(file("movieReviewSnippets_GroundTruth.txt"));
    assertThat(m[0]).as("binary accuracy").isGreaterThan(0.65);
    assertThat(m[1]).as("Pearson r").isGreaterThan(0.55);
  }

  private static Path file(String name) {
    String configured = System.getenv("COMMUNITY_SENTIMENT_DATA");
    Path folder = Path.of(configured != null ? configured : "/work/shared/data/sentiment");
    Path file = folder.resolve(name);
    assumeTrue(Files.isRegularFile(file),
        () -> "Sentiment ground truth not found at " + file + "; set COMMUNITY_SENTIMENT_DATA to run this test");
    return file;
  }

  /** Binary accuracy (neutral counts as wrong, rows rated 0 dropped) and Pearson r, as the data's README defines. */
  private double[] metrics(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int n = 0;
    int binary = 0;
    int correct = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (String line : lines) {
      String[] f = line.split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      double gold = Double.parseDouble(f[1].strip());
      double score = analyzer.analyze(f[2]).score();
      n++;
      sx += score;
      sy += gold;
      sxx += score * score;
      syy += gold * gold;
      sxy += score * gold;
      if (gold != 0) {
        binary++;
        if ((gold > 0 && score >= 0.05) || (gold < 0 && score <= -0.05)) {
          correct++;
        }
      }
    }
    double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    return new double[] {(double) correct / binary, r};
  }
}
