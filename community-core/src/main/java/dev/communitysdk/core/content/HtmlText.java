package dev.communitysdk.core.content;

import static java.util.Objects.requireNonNull;

/**
 * Escapes plain text (titles, tags, display names, anything that is not Markdown) for embedding in HTML.
 *
 * <p>Other code calls this rather than writing its own escaping, so that there is one place to get it right.
 */
public final class HtmlText {
  private HtmlText() {}

  /**
   * Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as character references.
   *
   * <p>The result is safe as element content and as the value of a quoted attribute (either quote). It is not safe
   * inside {@code <script>} or {@code <style>}, in an unquoted attribute, or as a URL: those contexts need more than
   * escaping, and the SDK never produces them from user text.
   *
   * @param text any text; every character other than the five above is kept as is
   * @return the escaped text; the same string when nothing needed escaping
   */
  public static String escapeText(String text) {
    requireNonNull(text, "text");
    int first = firstSpecial(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&#34;");
        // &#39; rather than &apos;, which HTML 4 does not define.
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstSpecial(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '&', '<', '>', '"', '\'' -> {
          return i;
        }
        default -> {
          // keep looking
        }
      }
    }
    return -1;
  }
}
