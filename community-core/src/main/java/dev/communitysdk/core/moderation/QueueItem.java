package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.spi.model.FlagSummary;
import dev.communitysdk.spi.model.Space;

/**
 * A post waiting for a moderator's decision: pending under pre-moderation, or hidden by flags.
 *
 * @param post the post; its status says why it waits
 * @param topic its topic
 * @param space the topic's space
 * @param flags its open flags, summed; none for a post that waits under pre-moderation
 */
public record QueueItem(PostView post, TopicSummary topic, Space space, FlagSummary flags) {
  /** Checks the fields. */
  public QueueItem {
    requireNonNull(post, "post");
    requireNonNull(topic, "topic");
    requireNonNull(space, "space");
    requireNonNull(flags, "flags");
  }
}
