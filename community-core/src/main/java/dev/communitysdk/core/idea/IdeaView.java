package dev.communitysdk.core.idea;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.VoteDirection;

/**
 * One idea as its page shows it.
 *
 * @param idea the idea and its votes
 * @param myVote the reader's own vote, if any
 * @param officialResponse the company's latest response, if the status ever changed
 * @param backing the customer accounts behind the up votes, by voters descending; shown to employees, moderators and
 *     admins only, empty for everyone else
 */
public record IdeaView(
    IdeaSummary idea, Optional<VoteDirection> myVote, Optional<OfficialResponse> officialResponse,
    List<IdeaBacking> backing) {
  /** Checks the fields. */
  public IdeaView {
    requireNonNull(idea, "idea");
    requireNonNull(myVote, "myVote");
    requireNonNull(officialResponse, "officialResponse");
    backing = List.copyOf(requireNonNull(backing, "backing"));
  }
}
