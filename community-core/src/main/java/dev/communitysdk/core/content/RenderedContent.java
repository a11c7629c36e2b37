package dev.communitysdk.core.content;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The result of rendering a post's Markdown.
 *
 * @param html sanitized HTML, safe to embed in a page without further escaping; empty for blank input
 * @param renderVersion the {@linkplain ContentRenderer#version() renderer version} that produced {@code html}; store
 *     it next to the HTML so that content can be re-rendered when the version changes
 * @param linkCount how many links the author wrote: inline, reference and {@code <...>} autolinks, counted before unsafe
 *     ones are removed, so that a rejected link still counts against the author's link allowance; images are not links
 * @param mentions the {@code @name} handles found in ordinary text (not in code, links or image descriptions),
 *     lower-cased, without the {@code @}, without duplicates, in order of first appearance
 */
public record RenderedContent(String html, int renderVersion, int linkCount, List<String> mentions) {
  /** Checks the fields and copies {@code mentions}. */
  public RenderedContent {
    requireNonNull(html, "html");
    if (renderVersion < 1) {
      throw new IllegalArgumentException("renderVersion must be positive, was " + renderVersion);
    }
    if (linkCount < 0) {
      throw new IllegalArgumentException("linkCount must not be negative, was " + linkCount);
    }
    mentions = List.copyOf(requireNonNull(mentions, "mentions"));
  }
}
