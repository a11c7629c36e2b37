package dev.communitysdk.benchmarks.sentiment;

import dev.communitysdk.spi.sentiment.SentimentAnalyzer;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import java.util.List;

/**
 * The accuracy metrics of the benchmark data's README, computed exactly as it defines them.
 *
 * <p>Binary: gold is the sign of the mean rating, rows rated exactly 0 are dropped; a prediction is positive at a score
 * of 0.05 or more, negative at -0.05 or less, otherwise neutral, and a neutral prediction counts as wrong. Macro-F1
 * averages the F1 of the positive and the negative class (neutral predictions lower recall only). Pearson r is
 * between the score and the mean rating over all rows.
 *
 * @param rows rows scored (all rows)
 * @param binaryRows rows with a non-zero rating
 * @param accuracy share of binary rows whose predicted sign equals the gold sign
 * @param macroF1 mean of the positive-class and negative-class F1
 * @param coverage share of binary rows predicted non-neutral
 * @param pearson correlation of score and mean rating over all rows
 */
record SentimentMetrics(int rows, int binaryRows, double accuracy, double macroF1, double coverage, double pearson) {
  /**
   * Scores the rows and computes the metrics.
   *
   * @param analyzer the analyzer under test
   * @param rows the labelled rows
   * @return the metrics; NaN where a ratio has no denominator
   */
  static SentimentMetrics of(SentimentAnalyzer analyzer, List<LabelledSentence> rows) {
    int binary = 0;
    int correct = 0;
    int covered = 0;
    int truePos = 0;
    int predPos = 0;
    int goldPos = 0;
    int trueNeg = 0;
    int predNeg = 0;
    int goldNeg = 0;
    double[] scores = new double[rows.size()];
    double[] ratings = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      LabelledSentence row = rows.get(i);
      double score = analyzer.analyze(row.text()).score();
      scores[i] = score;
      ratings[i] = row.rating();
      if (row.rating() == 0) {
        continue;
      }
      binary++;
      boolean gold = row.rating() > 0;
      SentimentLabel predicted = SentimentLabel.of(score);
      if (gold) {
        goldPos++;
      } else {
        goldNeg++;
      }
      if (predicted == SentimentLabel.NEUTRAL) {
        continue;
      }
      covered++;
      boolean positive = predicted == SentimentLabel.POSITIVE;
      if (positive) {
        predPos++;
      } else {
        predNeg++;
      }
      if (positive == gold) {
        correct++;
        if (positive) {
          truePos++;
        } else {
          trueNeg++;
        }
      }
    }
    double macroF1 = (f1(truePos, predPos, goldPos) + f1(trueNeg, predNeg, goldNeg)) / 2;
    return new SentimentMetrics(rows.size(), binary, (double) correct / binary, macroF1, (double) covered / binary,
        pearson(scores, ratings));
  }

  private static double f1(int truePositives, int predicted, int gold) {
    if (truePositives == 0) {
      return 0;
    }
    double precision = (double) truePositives / predicted;
    double recall = (double) truePositives / gold;
    return 2 * precision * recall / (precision + recall);
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
