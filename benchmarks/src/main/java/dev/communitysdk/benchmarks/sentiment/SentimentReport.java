package dev.communitysdk.benchmarks.sentiment;

import dev.communitysdk.core.sentiment.EnglishSentimentAnalyzer;
import dev.communitysdk.spi.sentiment.SentimentAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the accuracy and throughput of the default English sentiment analyzer on the VADER ground-truth files.
 *
 * <p>Usage: {@code SentimentReport <data folder> [extra files...]}. The folder's {@code tweets_GroundTruth.txt} and
 * {@code movieReviewSnippets_GroundTruth.txt} are read, plus any extra file in the same {@code id<TAB>mean_rating<TAB>
 * text} format. Each file is reported whole and split by id parity (even ids were used for tuning, odd ids held out).
 * Throughput is measured on one thread over all sentences after a JIT warm-up.
 */
public final class SentimentReport {
  private static final String[] DATA_FILES = {"tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt"};
  private static final long WARM_UP_NANOS = 5_000_000_000L;
  private static final long MEASURE_NANOS = 5_000_000_000L;

  private SentimentReport() {}

  /**
   * Runs the report.
   *
   * @param args the data folder, then optionally extra ground-truth files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("Usage: SentimentReport <data folder> [extra id<TAB>mean_rating<TAB>text files...]");
      System.exit(2);
    }
    List<Path> files = new ArrayList<>();
    Path folder = Path.of(args[0]);
    for (String name : DATA_FILES) {
      Path file = folder.resolve(name);
      if (Files.isRegularFile(file)) {
        files.add(file);
      } else {
        System.err.println("Skipping missing " + file);
      }
    }
    for (int i = 1; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }

    SentimentAnalyzer analyzer = EnglishSentimentAnalyzer.create();
    System.out.println("EnglishSentimentAnalyzer — binary: neutral counts as wrong; r over all rows");
    System.out.printf(Locale.ROOT, "%-40s %-10s %7s %7s %9s %9s %9s %9s%n",
        "file", "subset", "rows", "binary", "accuracy", "macro-F1", "coverage", "pearson r");
    List<String> allTexts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<List<String>> textsByFile = new ArrayList<>();
    for (Path file : files) {
      List<LabelledSentence> rows = LabelledSentence.read(file);
      List<String> texts = rows.stream().map(LabelledSentence::text).toList();
      allTexts.addAll(texts);
      names.add(file.getFileName().toString());
      textsByFile.add(texts);
      String name = file.getFileName().toString();
      print(name, "all", SentimentMetrics.of(analyzer, rows));
      print(name, "even(tune)", SentimentMetrics.of(analyzer, rows.stream().filter(r -> r.id() % 2 == 0).toList()));
      print(name, "odd(held)", SentimentMetrics.of(analyzer, rows.stream().filter(r -> r.id() % 2 != 0).toList()));
    }
    if (allTexts.isEmpty()) {
      return;
    }
    System.out.printf(Locale.ROOT, "%nThroughput, one thread, after a %d s warm-up on all files, %d s per line:%n",
        WARM_UP_NANOS / 1_000_000_000L, MEASURE_NANOS / 1_000_000_000L);
    Throughput.measure(analyzer, allTexts, WARM_UP_NANOS, 0);
    for (int i = 0; i < names.size(); i++) {
      printThroughput(names.get(i), Throughput.measure(analyzer, textsByFile.get(i), 0, MEASURE_NANOS));
    }
    printThroughput("all files", Throughput.measure(analyzer, allTexts, 0, MEASURE_NANOS));
  }

  private static void printThroughput(String name, Throughput t) {
    System.out.printf(Locale.ROOT, "%-40s %,12.0f sentences/s  (mean %.0f chars)%n",
        name, t.sentencesPerSecond(), t.meanChars());
  }

  private static void print(String file, String subset, SentimentMetrics m) {
    System.out.printf(Locale.ROOT, "%-40s %-10s %7d %7d %9.3f %9.3f %9.3f %9.3f%n",
        file, subset, m.rows(), m.binaryRows(), m.accuracy(), m.macroF1(), m.coverage(), m.pearson());
  }
}
