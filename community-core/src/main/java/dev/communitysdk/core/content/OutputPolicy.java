package dev.communitysdk.core.content;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The final allow-list every rendered document passes through: exactly the elements commonmark's core produces (and
 * a mention's {@code span}), no
 * {@code style}, no event handlers, no {@code target}, and URLs only on the schemes {@link SafeUrls} allows.
 *
 * <p>Commonmark with {@code escapeHtml(true)} should already produce nothing outside this list; the policy exists so
 * that a bug in the renderer, a new commonmark version or a future extension cannot widen what reaches a browser
 * without someone changing this class on purpose.
 */
final class OutputPolicy {
  private OutputPolicy() {}

  /** {@code class} only as commonmark writes it on fenced code ({@code language-java}), bounded in length. */
  private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");

  private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");

  /** A mention's marker class and its handle, as {@link MentionNode} writes them. */
  private static final Pattern MENTION_CLASS = Pattern.compile("mention");
  private static final Pattern HANDLE = Pattern.compile("[a-z0-9_]{1,40}");

  static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements(
          "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
          "h1", "h2", "h3", "h4", "h5", "h6")
      // A link without a target or an image without a source is debris of a refused URL: drop the tag, keep the text.
      .allowElements(OutputPolicy::requireUrl, "a", "img")
      // OWASP checks protocols on every URL attribute but lets relative URLs through; the matchers refuse those too.
      .allowUrlProtocols(SafeUrls.LINK_SCHEMES.toArray(String[]::new))
      .allowAttributes("href").matching(SafeUrls::isAllowedLink).onElements("a")
      .allowAttributes("src").matching(SafeUrls::isAllowedImage).onElements("img")
      .allowAttributes("alt").onElements("img")
      .allowAttributes("title").onElements("a", "img")
      .allowAttributes("start").matching(LIST_START).onElements("ol")
      .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
      // A span is a mention and nothing else: without its class the tag goes and its text stays.
      .allowElements(OutputPolicy::requireMentionClass, "span")
      .allowAttributes("class").matching(MENTION_CLASS).onElements("span")
      .allowAttributes("data-handle").matching(HANDLE).onElements("span")
      // nofollow: no search-engine credit for user links; ugc: tells crawlers the link is user-generated.
      .requireRelsOnLinks("nofollow", "ugc")
      .toFactory();

  /** Keeps {@code span} only as a mention: {@code class="mention"}. */
  private static @Nullable String requireMentionClass(String elementName, List<String> attrs) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      if (attrs.get(i).equals("class") && attrs.get(i + 1).equals("mention")) {
        return elementName;
      }
    }
    return null;
  }

  /** Keeps {@code a} only with a non-empty {@code href}, {@code img} only with a non-empty {@code src}. */
  private static @Nullable String requireUrl(String elementName, List<String> attrs) {
    String urlAttribute = elementName.equals("img") ? "src" : "href";
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      if (attrs.get(i).equals(urlAttribute) && !attrs.get(i + 1).isBlank()) {
        return elementName;
      }
    }
    return null;
  }
}
