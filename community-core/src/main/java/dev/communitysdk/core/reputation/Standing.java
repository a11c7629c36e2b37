package dev.communitysdk.core.reputation;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.model.BadgeAward;

/**
 * Where a member stands: reputation, level and badges.
 *
 * @param member the member as others see them
 * @param reputation the reputation total
 * @param level the level the total reaches
 * @param badges the badges earned, oldest first
 */
public record Standing(AuthorRef member, long reputation, Level level, List<BadgeAward> badges) {
  /** Checks the fields. */
  public Standing {
    requireNonNull(member, "member");
    requireNonNull(level, "level");
    badges = List.copyOf(requireNonNull(badges, "badges"));
  }
}
