package dev.communitysdk.core.content;

import static java.util.Objects.requireNonNull;

import java.util.Set;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a post's Markdown into sanitized HTML, and reports the links and mentions it contains.
 *
 * <p>The pipeline, each step for a reason:
 * <ol>
 *   <li>commonmark parses CommonMark (no extensions), with nesting limits: blocks (quotes, lists) nested
 *       deeper than 16 levels and inlines (emphasis, links) deeper than 16 stay as literal text, so
 *       pathological input ({@code >>>>…}, {@code ****…}) neither recurses deeply nor produces deep HTML;</li>
 *   <li>links and images whose URL is not {@code http}, {@code https} or {@code mailto} ({@code http}/{@code https}
 *       for images) are unwrapped: their text stays, the link goes. Relative URLs are refused too;</li>
 *   <li>the HTML renderer escapes raw HTML ({@code escapeHtml(true)}): an author's {@code <b>} is shown as text, never
 *       interpreted. Client HTML is never accepted;</li>
 *   <li>an OWASP allow-list policy has the last word: only the elements commonmark produces, no {@code style}, no
 *       event handlers, no {@code target}, {@code rel="nofollow ugc"} on every link.</li>
 * </ol>
 *
 * <p>Images are allowed (from {@code http}/{@code https} URLs), without size attributes or lazy loading; a host that
 * does not want members' readers to fetch third-party images can proxy or strip them when displaying. GitHub-style
 * tables, strikethrough and bare-URL autolinking are not enabled: a bare {@code https://…} stays plain text and is not
 * counted as a link; {@code <https://…>} is a link.
 *
 * <p>Rendering is deterministic: the same input and the same {@link #version()} always give the same output.
 * Instances are immutable and thread-safe. Input length is the caller's concern (post bodies are validated before
 * rendering); rendering time grows roughly linearly with it.
 */
public final class ContentRenderer {
  /**
   * Bumped whenever the output for some input may change (a policy, limit or library upgrade that alters HTML), so
   * that stored HTML with an older version can be re-rendered from its Markdown source.
   */
  private static final int VERSION = 2;

  /** Blockquotes and lists nested deeper than this stay as text; real posts rarely go past three or four. */
  static final int MAX_BLOCK_NESTING = 16;

  /** Emphasis and links nested deeper than this stay as text. */
  static final int MAX_INLINE_NESTING = 16;

  private static final ContentRenderer STANDARD = new ContentRenderer();

  private final Parser parser;
  private final HtmlRenderer htmlRenderer;

  private ContentRenderer() {
    this.parser = Parser.builder()
        .maxOpenBlockParsers(MAX_BLOCK_NESTING)
        .maxInlineNesting(MAX_INLINE_NESTING)
        .build();
    this.htmlRenderer = HtmlRenderer.builder()
        .escapeHtml(true)
        // Our own sanitizer: commonmark's default lets data: through.
        .sanitizeUrls(true)
        .urlSanitizer(new SafeUrls())
        .percentEncodeUrls(true)
        .nodeRendererFactory(MentionNode.Renderer::new)
        .build();
  }

  /**
   * Returns the renderer with the SDK's standard settings, the one whose output {@link #version()} describes.
   *
   * @return a shared, thread-safe renderer
   */
  public static ContentRenderer standard() {
    return STANDARD;
  }

  /**
   * Renders Markdown into sanitized HTML.
   *
   * @param markdown the Markdown source as the author wrote it; any string, including one with HTML in it
   * @return the sanitized HTML with this renderer's version, the author's link count and the mentioned handles
   */
  public RenderedContent render(String markdown) {
    return render(markdown, Set.of());
  }

  /**
   * Renders Markdown into sanitized HTML, marking up mentions of the given handles as
   * {@code <span class="mention" data-handle="handle">@Handle</span>}. Every other {@code @name} stays plain text, so
   * that the HTML tells nothing about handles the caller did not resolve. Mentions in code, links and image
   * descriptions are never marked up.
   *
   * @param markdown the Markdown source as the author wrote it
   * @param mentionable the lower-case handles the caller resolved and the readers may see as mentions
   * @return the sanitized HTML with this renderer's version, the author's link count and every mentioned handle
   */
  public RenderedContent render(String markdown, Set<String> mentionable) {
    requireNonNull(markdown, "markdown");
    requireNonNull(mentionable, "mentionable");
    Node document = parser.parse(markdown);
    MarkdownInspection inspection = MarkdownInspection.inspect(document, mentionable);
    String html = OutputPolicy.POLICY.sanitize(htmlRenderer.render(document));
    return new RenderedContent(html, VERSION, inspection.linkCount(), inspection.mentions());
  }

  /**
   * Returns the render version: starts at 1 and grows whenever the HTML produced for the same Markdown may change.
   * Store it with the HTML; content with a smaller version is due for re-rendering.
   *
   * @return the render version, at least 1
   */
  public int version() {
    return VERSION;
  }
}
