package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.communitysdk.spi.model.PostId;

/**
 * What removing a post as spam did. Removing the same post again does nothing and says so.
 *
 * @param removed whether this call removed the post; false when it had been removed as spam before
 * @param reputationDelta what the author's reputation changed by: the rules' spam amount, less what the floor kept
 * @param hidden the author's other waiting posts, now hidden in the moderation queue
 */
public record SpamRemoval(boolean removed, long reputationDelta, List<PostId> hidden) {
  /** Checks the fields. */
  public SpamRemoval {
    hidden = List.copyOf(requireNonNull(hidden, "hidden"));
  }
}
