package dev.communitysdk.core.topic;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A topic to start: title, Markdown body and tags, optionally anonymous. Validated when the topic is started.
 *
 * @param title 10 to 150 characters
 * @param body the opening post in Markdown, 1 to 50,000 characters
 * @param tags up to 5 tags of {@code [a-z0-9-]}
 * @param anonymous whether to start it anonymously (where the space allows it)
 */
public record TopicDraft(String title, String body, List<String> tags, boolean anonymous) {
  /** Checks that no field is null. */
  public TopicDraft {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    tags = List.copyOf(requireNonNull(tags, "tags"));
  }

  /**
   * @param title the title
   * @param body the opening post in Markdown
   * @param tags the tags
   * @return a draft posted under the member's name
   */
  public static TopicDraft of(String title, String body, String... tags) {
    return new TopicDraft(title, body, List.of(tags), false);
  }

  /** @return this draft, posted anonymously */
  public TopicDraft anonymously() {
    return new TopicDraft(title, body, tags, true);
  }
}
