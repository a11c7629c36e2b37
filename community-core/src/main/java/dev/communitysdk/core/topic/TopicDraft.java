package dev.communitysdk.core.topic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A topic to start: title, Markdown body and tags, optionally anonymous. Validated when the topic is started.
 *
 * @param title 10 to 150 characters
 * @param body the opening post in Markdown, 1 to 50,000 characters
 * @param tags up to 5 tags of {@code [a-z0-9-]}
 * @param anonymous whether to start it anonymously (where the space allows it)
 * @param productId the host catalog's product it is about, if any
 */
public record TopicDraft(String title, String body, List<String> tags, boolean anonymous, Optional<String> productId) {
  /** Checks that no field is null. */
  public TopicDraft {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    tags = List.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(productId, "productId");
  }

  /**
   * @param title the title
   * @param body the opening post in Markdown
   * @param tags the tags
   * @return a draft posted under the member's name
   */
  public static TopicDraft of(String title, String body, String... tags) {
    return new TopicDraft(title, body, List.of(tags), false, Optional.empty());
  }

  /** @return this draft, posted anonymously */
  public TopicDraft anonymously() {
    return new TopicDraft(title, body, tags, true, productId);
  }

  /** @return this draft, about a product of the host's catalog (1 to 100 characters of letters, digits, . _ : -) */
  public TopicDraft aboutProduct(String newProductId) {
    return new TopicDraft(title, body, tags, anonymous, Optional.of(newProductId));
  }
}
