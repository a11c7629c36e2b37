package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.core.content.ContentRenderer;
import dev.communitysdk.core.content.RenderedContent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.sentiment.SentimentAnalyzer;

/**
 * Turns a validated Markdown body into everything a post stores: source, safe HTML and sentiment; marks up resolved
 * mentions; and renders stored content again when an older renderer produced it. Not API.
 */
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
        Optional.of(sentiment.analyze(source))), rendered.linkCount(), rendered.mentions());
  }

  /**
   * @param composed a composed body
   * @param handles the handles it mentions that are resolved for its readers
   * @return its content with those mentions marked up; the composed content itself when there are none
   */
  public PostContent mentioning(Composed composed, Set<String> handles) {
    return handles.isEmpty() ? composed.content() : rendered(composed.content(), handles);
  }

  /**
   * @param stored stored content
   * @param handles the handles its stored mentions hold
   * @return the content rendered again from its source, if an older renderer produced it
   */
  public Optional<PostContent> rerendered(PostContent stored, Set<String> handles) {
    return stored.renderVersion() >= renderer.version() ? Optional.empty() : Optional.of(rendered(stored, handles));
  }

  /** @return the version of the renderer's output; stored content with a smaller one is stale */
  public int renderVersion() {
    return renderer.version();
  }

  private PostContent rendered(PostContent content, Set<String> handles) {
    RenderedContent rendered = renderer.render(content.source(), handles);
    return new PostContent(content.source(), rendered.html(), rendered.renderVersion(), content.sentiment());
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
   * @param content what the post stores, before its mentions are resolved
   * @param linkCount how many links the author wrote
   * @param mentions the handles the author wrote, lower-cased, unresolved
   */
  public record Composed(PostContent content, int linkCount, List<String> mentions) {
    /** Copies the mentions. */
    public Composed {
      mentions = List.copyOf(mentions);
    }

    /**
     * @param author the author
     * @param privileges the privilege rules
     * @param action the action, for the message
     * @return this body, when the author may post this many links
     * @throws dev.communitysdk.spi.error.PermissionDeniedException otherwise
     */
    public Composed allowedFor(Member author, PrivilegeRules privileges, String action) {
      if (linkCount > PrivilegeRules.FREE_LINKS) {
        privileges.require(author, Privilege.POST_LINKS, action);
      }
      return this;
    }
  }
}
