package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.FlagId;
import dev.communitysdk.spi.model.FlagOutcome;
import dev.communitysdk.spi.model.FlagSummary;
import dev.communitysdk.spi.model.FlaggerRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewFlag;
import dev.communitysdk.spi.model.PostId;

/**
 * Stores flags, one per (post, flagger), and each post's open flag weight, a counter kept in step with the open flags.
 *
 * <p>The open weight serializes a post's flag commands: {@link #insert} and {@link #resolve} both move it by an atomic
 * update that holds the post's counter row until commit, so that concurrent flags of one post each see the weight
 * their own flag produced, and a decision never leaves an open flag out of the count. Thread-safe; every call joins
 * the caller's transaction.
 */
public interface FlagStore {
  /**
   * Stores an open flag and adds its weight to the post's open weight.
   *
   * @param flag the flag
   * @return the stored flag
   * @throws dev.communitysdk.spi.error.DuplicateKeyException if the flagger already flagged the post
   */
  Flag insert(NewFlag flag);

  /**
   * @param postId a post
   * @param flaggerId a member
   * @return the member's flag of the post, whatever its outcome, if any
   */
  Optional<Flag> find(PostId postId, MemberId flaggerId);

  /**
   * @param postId a post
   * @return the total weight of its open flags; 0 when it has none. After {@link #insert} or {@link #resolve} in the
   *     same transaction: exactly the weight those writes produced
   */
  long openWeight(PostId postId);

  /**
   * Decides every open flag of the post and sets its open weight to 0. Takes the post's counter row first, so that a
   * flag committed concurrently is either decided here or counted in the open weight afterwards.
   *
   * @param postId the post
   * @param outcome {@link FlagOutcome#AGREED} or {@link FlagOutcome#DISAGREED}
   * @param decidedBy the moderator
   * @param at when
   * @return how many flags were decided
   */
  int resolve(PostId postId, FlagOutcome outcome, MemberId decidedBy, Instant at);

  /**
   * @param postId a post
   * @return every flag of the post, decided or not, oldest first
   */
  List<Flag> listByPost(PostId postId);

  /**
   * One page of the flags a member raised, open or decided, in id order; a member's data export reads them.
   *
   * @param flaggerId the flagger
   * @param after the last flag of the previous page, if any
   * @param limit the page size, 1 to 1000
   * @return at most {@code limit} of the flagger's flags with ids above {@code after}
   */
  List<Flag> listByFlagger(MemberId flaggerId, Optional<FlagId> after, int limit);

  /**
   * @param postIds posts
   * @return a summary of the open flags of each post that has any, in no particular order
   */
  List<FlagSummary> openSummaries(Collection<PostId> postIds);

  /**
   * @param flaggerId a member
   * @return how the member's decided flags turned out, counted from the stored outcomes
   */
  FlaggerRecord record(MemberId flaggerId);

  /**
   * Marks the post removed as spam, once.
   *
   * @param postId the post
   * @param at when
   * @return true the first time for the post, false ever after
   */
  boolean markSpam(PostId postId, Instant at);
}
