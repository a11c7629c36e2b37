package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * The state a topic of an ideas or reviews space keeps beyond a plain thread, brought into being when the topic
 * becomes visible: at once, or when a moderator approves its opening post. An idea then starts taking votes as
 * {@code NEW}; a review's stars then count in its product's rating. Not API.
 */
public final class TopicKinds {
  private final CommunityStore store;

  /** @param store the community's store */
  public TopicKinds(CommunityStore store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * Runs inside the command that publishes the topic's opening post.
   *
   * @param topic the topic just published
   */
  public void published(Topic topic) {
    switch (topic.kind()) {
      case IDEAS -> {
        // An idea hidden by flags keeps its state and votes while it waits, and has it back when approved.
        if (store.ideas().find(topic.id()).isEmpty()) {
          store.ideas().insert(topic.id(), topic.spaceId(), topic.createdAt());
        }
      }
      case REVIEWS -> store.reviews().find(topic.id()).ifPresent(review ->
          store.reviews().addRating(review.spaceId(), review.productId(), review.stars(), 1));
      case DISCUSSION, QUESTIONS -> {
        // A plain thread or a question keeps nothing more.
      }
    }
  }

  /**
   * Runs inside the command that hides or removes the published opening post of the topic: a review's stars leave
   * its product's rating; an idea keeps its votes, unlisted with its topic.
   *
   * @param topic the topic whose opening post stops being published
   */
  public void unpublished(Topic topic) {
    if (topic.kind() == SpaceKind.REVIEWS) {
      store.reviews().find(topic.id()).ifPresent(review ->
          store.reviews().addRating(review.spaceId(), review.productId(), review.stars(), -1));
    }
  }
}
