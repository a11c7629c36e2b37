package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.sentiment.SentimentScore;

/**
 * The body of a post in every form the SDK keeps: the Markdown the author wrote, the sanitized HTML rendered from it,
 * the renderer version that produced the HTML (so a newer renderer can re-render), and the sentiment of the text.
 *
 * @param source the Markdown source as written
 * @param html the sanitized HTML rendered from the source
 * @param renderVersion the version of the renderer that produced {@code html}
 * @param sentiment the sentiment of the text, when an analyzer scored it
 */
public record PostContent(String source, String html, int renderVersion, Optional<SentimentScore> sentiment) {
  /** Checks the fields. */
  public PostContent {
    requireNonNull(source, "source");
    requireNonNull(html, "html");
    if (renderVersion < 1) {
      throw new IllegalArgumentException("renderVersion must be positive, was " + renderVersion);
    }
    requireNonNull(sentiment, "sentiment");
  }
}
