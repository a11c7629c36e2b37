package dev.communitysdk.tck.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlSanitizer;

/**
 * Lists every reason an HTML string could run script or escape the SDK's allow-list. Empty means safe.
 *
 * <p>Two independent reads of the same HTML, so that a blind spot in one does not hide a problem:
 * <ol>
 *   <li>a strict tokenizer written here: in sanitized output every {@code <} must open a well-formed allowed tag
 *       (text {@code <} is always escaped), so anything else is flagged;</li>
 *   <li>the OWASP lexer, a browser-like HTML tokenizer, fed with a policy that records instead of filtering.</li>
 * </ol>
 * Both reads check each tag with the same rules: allowed element, no {@code on*} or {@code style} attribute, URLs
 * (after entity decoding and removal of whitespace and control characters) on allowed schemes only, and
 * {@code rel} with {@code nofollow} and {@code ugc} on every link, and {@code span} only as a mention
 * ({@code class="mention"}, nothing but a {@code data-handle} besides).
 */
public final class UnsafeMarkupDetector {
  private UnsafeMarkupDetector() {}

  private static final Set<String> ALLOWED_ELEMENTS = Set.of(
      "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
      "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "span");

  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcset", "cite",
      "codebase", "dynsrc", "lowsrc", "srcdoc", "to", "from", "values");

  private static final Pattern ANY_LT = Pattern.compile("<");
  private static final String TEMPLATE_BREAK = "<!-- -->";
  /** A whole tag: name, then attributes whose quoted values may contain {@code >}. */
  private static final Pattern TAG =
      Pattern.compile("\\G<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?");
  private static final Pattern DANGEROUS_SCHEME = Pattern.compile("^(?:javascript|vbscript|data|livescript):");

  /**
   * @param html HTML the SDK produced
   * @return every problem found by either read, each a sentence naming the tag or attribute; empty when safe
   */
  public static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    strictTokenizer(html, problems);
    owaspLexer(html, problems);
    return problems;
  }

  private static void strictTokenizer(String html, List<String> problems) {
    Matcher lt = ANY_LT.matcher(html);
    while (lt.find()) {
      if (html.startsWith(TEMPLATE_BREAK, lt.start())) {
        // OWASP writes an empty comment after '{' so that "{{" never reaches a client-side template engine.
        continue;
      }
      Matcher tag = TAG.matcher(html);
      tag.region(lt.start(), html.length());
      if (!tag.lookingAt()) {
        problems.add("tokenizer: '<' at " + lt.start() + " does not open a well-formed tag: "
            + excerpt(html, lt.start()));
        continue;
      }
      if (!tag.group(1).isEmpty()) {
        checkElement(tag.group(2), "tokenizer", problems);
        continue;
      }
      List<String> attributes = new ArrayList<>();
      Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
      while (attribute.find()) {
        String value = attribute.group(2) == null ? "" : unquote(attribute.group(2));
        attributes.add(attribute.group(1));
        attributes.add(Encoding.decodeHtml(value, true));
      }
      checkTag(tag.group(2), attributes, "tokenizer", problems);
    }
  }

  private static void owaspLexer(String html, List<String> problems) {
    HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
      @Override
      public void openDocument() {}

      @Override
      public void closeDocument() {}

      @Override
      public void openTag(String elementName, List<String> attrs) {
        checkTag(elementName, attrs, "lexer", problems);
      }

      @Override
      public void closeTag(String elementName) {
        checkElement(elementName, "lexer", problems);
      }

      @Override
      public void text(String text) {}
    });
  }

  private static void checkTag(String name, List<String> attrs, String reader, List<String> problems) {
    String element = name.toLowerCase(Locale.ROOT);
    checkElement(element, reader, problems);
    String rel = null;
    boolean hasHref = false;
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      String attribute = attrs.get(i).toLowerCase(Locale.ROOT);
      String value = attrs.get(i + 1);
      if (attribute.startsWith("on")) {
        problems.add(reader + ": event handler " + attribute + " on <" + element + ">");
      }
      if (attribute.equals("style") || attribute.equals("target") || attribute.equals("srcdoc")) {
        problems.add(reader + ": forbidden attribute " + attribute + " on <" + element + ">");
      }
      if (URL_ATTRIBUTES.contains(attribute)) {
        checkUrl(element, attribute, value, reader, problems);
        hasHref |= attribute.equals("href");
      }
      if (attribute.equals("rel")) {
        rel = value.toLowerCase(Locale.ROOT);
      }
    }
    if (element.equals("span")) {
      checkMention(attrs, reader, problems);
    }
    if (element.equals("a") && hasHref
        && (rel == null || !List.of(rel.split("\\s+")).containsAll(List.of("nofollow", "ugc")))) {
      problems.add(reader + ": link without rel=\"nofollow ugc\" (rel=" + rel + ")");
    }
  }

  private static void checkMention(List<String> attrs, String reader, List<String> problems) {
    boolean mention = false;
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      String attribute = attrs.get(i).toLowerCase(Locale.ROOT);
      if (attribute.equals("class") && attrs.get(i + 1).equals("mention")) {
        mention = true;
      } else if (!attribute.equals("data-handle") || !attrs.get(i + 1).matches("[a-z0-9_]{1,40}")) {
        problems.add(reader + ": attribute " + attribute + " on a mention <span>");
      }
    }
    if (!mention) {
      problems.add(reader + ": <span> that is not a mention");
    }
  }

  private static void checkElement(String name, String reader, List<String> problems) {
    String element = name.toLowerCase(Locale.ROOT);
    if (!ALLOWED_ELEMENTS.contains(element)) {
      problems.add(reader + ": element <" + element + "> is not allowed");
    }
  }

  private static void checkUrl(String element, String attribute, String value, String reader, List<String> problems) {
    // What a browser does before it reads a scheme: drop whitespace and control characters, ignore case.
    String normalized = value.replaceAll("[\\x00-\\x20\\x7f\\u00a0\\u200b\\ufeff]", "").toLowerCase(Locale.ROOT);
    if (DANGEROUS_SCHEME.matcher(normalized).find()) {
      problems.add(reader + ": script-capable URL in " + attribute + " on <" + element + ">: " + value);
      return;
    }
    boolean allowed = element.equals("img") && attribute.equals("src")
        ? normalized.startsWith("http:") || normalized.startsWith("https:")
        : element.equals("a") && attribute.equals("href")
            && (normalized.startsWith("http:") || normalized.startsWith("https:") || normalized.startsWith("mailto:"));
    if (!allowed) {
      problems.add(reader + ": URL attribute " + attribute + " on <" + element + "> outside the allow-list: " + value);
    }
  }

  private static String unquote(String value) {
    return value.startsWith("\"") || value.startsWith("'") ? value.substring(1, value.length() - 1) : value;
  }

  private static String excerpt(String html, int at) {
    return html.substring(at, Math.min(html.length(), at + 40));
  }
}
