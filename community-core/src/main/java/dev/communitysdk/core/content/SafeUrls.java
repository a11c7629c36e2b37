package dev.communitysdk.core.content;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The URL allow-list: links may use {@code http}, {@code https} or {@code mailto}; images {@code http} or
 * {@code https}. Everything else, relative URLs included, is refused.
 *
 * <p>Relative URLs are refused because rendered HTML travels (notification e-mails, the CRM, exports) to places where
 * they would resolve against the wrong base; a scheme allow-list is also simpler to get right than a deny-list of
 * {@code javascript:}, {@code vbscript:}, {@code data:} and whatever browsers invent next.
 *
 * <p>The URLs checked here are Markdown link destinations after commonmark has decoded entities and backslash escapes,
 * which is the form the browser acts on. A scheme must match RFC 3986's {@code ALPHA *( ALPHA / DIGIT / "+" / "-" /
 * "." )} exactly, so whitespace, control characters or percent-escapes inside or before a scheme refuse the URL rather
 * than letting a browser's leniency turn {@code java\tscript:} back into {@code javascript:}.
 */
final class SafeUrls implements UrlSanitizer {
  static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
  static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

  /** What the renderer writes instead of a refused URL; the final policy then drops the link or image tag. */
  private static final String REFUSED = "";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

  static boolean isAllowedLink(String url) {
    return hasSchemeIn(url, LINK_SCHEMES);
  }

  static boolean isAllowedImage(String url) {
    return hasSchemeIn(url, IMAGE_SCHEMES);
  }

  private static boolean hasSchemeIn(String url, Set<String> schemes) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String scheme = url.substring(0, colon);
    return SCHEME.matcher(scheme).matches() && schemes.contains(scheme.toLowerCase(Locale.ROOT));
  }

  // The renderer consults these too: the AST pass in MarkdownInspection already unwrapped refused links and images,
  // so this is a second line that only matters if a future change forgets the first.
  @Override
  public String sanitizeLinkUrl(String url) {
    return isAllowedLink(url) ? url : REFUSED;
  }

  @Override
  public String sanitizeImageUrl(String url) {
    return isAllowedImage(url) ? url : REFUSED;
  }
}
