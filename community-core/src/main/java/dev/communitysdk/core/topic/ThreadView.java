package dev.communitysdk.core.topic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.post.PostView;

/**
 * One page of a thread as its reader sees it: the topic, its posts in posting order with their authors and the
 * reader's own votes.
 *
 * @param topic the topic
 * @param posts the page's posts; the first page starts with the opening post
 * @param next the cursor of the next page, absent on the last page
 */
public record ThreadView(TopicSummary topic, List<PostView> posts, Optional<String> next) {
  /** Checks the fields. */
  public ThreadView {
    requireNonNull(topic, "topic");
    posts = List.copyOf(requireNonNull(posts, "posts"));
    requireNonNull(next, "next");
  }

  /** @return the opening post, when this is the first page and it is visible to the reader */
  public Optional<PostView> openingPost() {
    return posts.stream().filter(PostView::opening).findFirst();
  }
}
