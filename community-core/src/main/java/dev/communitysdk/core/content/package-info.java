/**
 * Safe content: Markdown in, sanitized HTML out.
 *
 * <p>{@link dev.communitysdk.core.content.ContentRenderer} turns a post's Markdown into HTML that may be embedded in a
 * page as is: raw HTML in the source is escaped, never rendered; only {@code http}, {@code https} and {@code mailto}
 * links and {@code http}/{@code https} images survive; every link carries {@code rel="nofollow ugc"}; and an OWASP
 * allow-list policy has the last word on every element and attribute. {@link dev.communitysdk.core.content.HtmlText}
 * escapes plain text (titles, tags, display names) so that no other code writes HTML escaping by hand. Mentions of
 * handles the caller resolved become {@code <span class="mention" data-handle="…">} elements; every other
 * {@code @name} stays text. {@link dev.communitysdk.core.content.ContentMaintenance} renders posts stored by an older
 * renderer version again.
 */
@NullMarked
package dev.communitysdk.core.content;

import org.jspecify.annotations.NullMarked;
