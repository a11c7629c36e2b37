package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Which ledger entries a leaderboard counts: all of them, those about content in one space, or those about topics
 * carrying one tag. At most one of space and tag is present.
 *
 * @param spaceId count only entries about this space's content
 * @param tag count only entries about topics with this tag
 */
public record LeaderboardScope(Optional<SpaceId> spaceId, Optional<String> tag) {
  /** Checks that at most one restriction is given. */
  public LeaderboardScope {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(tag, "tag");
    if (spaceId.isPresent() && tag.isPresent()) {
      throw new IllegalArgumentException("a leaderboard scope is a space or a tag, not both");
    }
  }

  /** @return every entry of the community */
  public static LeaderboardScope all() {
    return new LeaderboardScope(Optional.empty(), Optional.empty());
  }

  /** @return the entries about one space's content */
  public static LeaderboardScope space(SpaceId spaceId) {
    return new LeaderboardScope(Optional.of(spaceId), Optional.empty());
  }

  /** @return the entries about topics with the tag */
  public static LeaderboardScope tag(String tag) {
    return new LeaderboardScope(Optional.empty(), Optional.of(tag));
  }
}
