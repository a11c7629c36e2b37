package dev.communitysdk.core.internal;

import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Space;

/**
 * Decides whether a new post is published at once or waits for a moderator, from the space's moderation mode. Not API.
 */
public final class Publishing {
  /** Members below this reputation count as new under {@code NEW_MEMBERS} pre-moderation. */
  public static final long NEW_MEMBER_REPUTATION = 10;

  private Publishing() {}

  /**
   * @param author the author
   * @param space the space posted in
   * @return {@link PostStatus#PENDING} when the space makes this author's posts wait, else {@link PostStatus#PUBLISHED}
   */
  public static PostStatus initialStatus(Member author, Space space) {
    boolean waits = switch (space.moderationMode()) {
      case AUTO -> false;
      case NEW_MEMBERS -> author.reputation() < NEW_MEMBER_REPUTATION;
      case ALL -> true;
    };
    return waits && !AccessPolicy.isStaff(author) ? PostStatus.PENDING : PostStatus.PUBLISHED;
  }
}
