package dev.communitysdk.benchmarks.sentiment;

import dev.communitysdk.spi.sentiment.SentimentAnalyzer;
import java.util.List;

/**
 * Sentences per second of an analyzer on the calling thread, after a warm-up long enough for the JIT to compile the
 * hot path. A simple timed loop rather than JMH: the figure is a floor check, not a micro-benchmark.
 *
 * @param sentences sentences scored in the measured window
 * @param sentencesPerSecond the throughput
 * @param meanChars mean length of the sentences, in chars
 */
record Throughput(long sentences, double sentencesPerSecond, double meanChars) {
  /** Keeps the scores observable so the JIT cannot drop the work. */
  private static volatile double sink;

  /**
   * @param analyzer the analyzer to time
   * @param texts the sentences, scored round-robin
   * @param warmUpNanos how long to run before measuring
   * @param measureNanos how long to measure
   * @return the measured throughput
   */
  static Throughput measure(SentimentAnalyzer analyzer, List<String> texts, long warmUpNanos, long measureNanos) {
    run(analyzer, texts, warmUpNanos);
    long start = System.nanoTime();
    long count = run(analyzer, texts, measureNanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    double chars = texts.stream().mapToInt(String::length).average().orElse(0);
    return new Throughput(count, count / seconds, chars);
  }

  private static long run(SentimentAnalyzer analyzer, List<String> texts, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long count = 0;
    double acc = 0;
    while (System.nanoTime() < deadline) {
      for (String text : texts) {
        acc += analyzer.analyze(text).score();
      }
      count += texts.size();
    }
    sink = acc;
    return count;
  }
}
