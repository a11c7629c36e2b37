package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.core.content.ContentRenderer;
import dev.communitysdk.core.content.RenderedContent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.sentiment.SentimentAnalyzer;

/** Turns a validated Markdown body into everything a post stores: source, safe HTML and sentiment. Not API. */
public final class ContentComposer {
  private final ContentRenderer renderer;
  private final SentimentAnalyzer sentiment;

  /**
   * @param renderer the Markdown-to-safe-HTML renderer
   * @param sentiment the analyzer that scores each body
   */
  public ContentComposer(ContentRenderer renderer, SentimentAnalyzer sentiment) {
    this.renderer = requireNonNull(renderer, "renderer");
    this.sentiment = requireNonNull(sentiment, "sentiment");
  }

  /**
   * @param markdown the body as the member wrote it
   * @return the validated, rendered and scored content
   */
  public PostContent compose(String markdown) {
    String source = InputRules.body(markdown);
    RenderedContent rendered = renderer.render(source);
    return new PostContent(source, rendered.html(), rendered.renderVersion(),
        Optional.of(sentiment.analyze(source)));
  }
}
