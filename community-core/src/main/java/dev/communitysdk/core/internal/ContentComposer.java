package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.core.content.ContentRenderer;
import dev.communitysdk.core.content.RenderedContent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.spi.model.Member;
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
   * @return the validated, rendered and scored content, with what the rules about links and mentions need
   */
  public Composed compose(String markdown) {
    String source = InputRules.body(markdown);
    RenderedContent rendered = renderer.render(source);
    return new Composed(new PostContent(source, rendered.html(), rendered.renderVersion(),
        Optional.of(sentiment.analyze(source))), rendered.linkCount());
  }

  /**
   * @param field the field's name, for a validation error
   * @param markdown the company's text, such as an official response
   * @return the validated and rendered content; statements are not scored for sentiment, which measures customers
   */
  public PostContent statement(String field, String markdown) {
    String source = InputRules.markdown(field, markdown);
    RenderedContent rendered = renderer.render(source);
    return new PostContent(source, rendered.html(), rendered.renderVersion(), Optional.empty());
  }

  /**
   * A composed body.
   *
   * @param content what the post stores
   * @param linkCount how many links the author wrote
   */
  public record Composed(PostContent content, int linkCount) {
    /**
     * @param author the author
     * @param privileges the privilege rules
     * @param action the action, for the message
     * @return the content, when the author may post this many links
     */
    public PostContent allowedFor(Member author, PrivilegeRules privileges, String action) {
      if (linkCount > PrivilegeRules.FREE_LINKS) {
        privileges.require(author, Privilege.POST_LINKS, action);
      }
      return content;
    }
  }
}
