package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.Flag;

/**
 * What flagging a post did.
 *
 * @param flag the stored flag, with its weight
 * @param openWeight the post's open flag weight, this flag included
 * @param hidden whether the post is now hidden in the moderation queue
 */
public record FlagResult(Flag flag, long openWeight, boolean hidden) {
  /** Checks the fields. */
  public FlagResult {
    requireNonNull(flag, "flag");
  }
}
