package dev.communitysdk.spi.sentiment;

/**
 * Scores the sentiment of a post's text. Called in the posting transaction, so it must be fast and must not do I/O.
 *
 * <p>Implementations are thread-safe and deterministic, and never throw for any text: empty, huge, markup, code or
 * another language all get a defined score ({@link SentimentScore#NEUTRAL} where nothing is known).
 */
@FunctionalInterface
public interface SentimentAnalyzer {
  /**
   * @param text plain text (Markdown source is fine); may be empty
   * @return the text's sentiment
   */
  SentimentScore analyze(String text);
}
