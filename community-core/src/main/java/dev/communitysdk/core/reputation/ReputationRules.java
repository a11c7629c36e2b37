package dev.communitysdk.core.reputation;

import dev.communitysdk.spi.model.ReputationReason;

/**
 * How much reputation each cause is worth, and the limits on it. Start from {@link #stackExchange()} (the defaults
 * Stack Exchange and Apache Answer ship) and change what differs with the {@code with…} methods.
 *
 * @param postUpvoted the author's gain when a post is voted up
 * @param postDownvoted the author's change when a post is voted down (negative)
 * @param downvoteCast the voter's change for voting an answer down (negative or 0)
 * @param answerAccepted the answerer's gain when their answer is accepted
 * @param acceptedAnAnswer the asker's gain for accepting someone else's answer
 * @param ideaUpvoted the author's gain when an idea is voted up
 * @param reviewHelpful the author's gain when a review is marked helpful
 * @param spamRemoved the author's change when a post is removed as spam (negative)
 * @param dailyVoteCap the most a member gains from votes per UTC day; accepted answers are exempt
 * @param floor the lowest total a member can fall to
 */
public record ReputationRules(
    long postUpvoted, long postDownvoted, long downvoteCast, long answerAccepted, long acceptedAnAnswer,
    long ideaUpvoted, long reviewHelpful, long spamRemoved, long dailyVoteCap, long floor) {
  /** Checks that gains are not negative and losses not positive. */
  public ReputationRules {
    requireAtLeast(postUpvoted, 0, "postUpvoted");
    requireAtMost(postDownvoted, 0, "postDownvoted");
    requireAtMost(downvoteCast, 0, "downvoteCast");
    requireAtLeast(answerAccepted, 0, "answerAccepted");
    requireAtLeast(acceptedAnAnswer, 0, "acceptedAnAnswer");
    requireAtLeast(ideaUpvoted, 0, "ideaUpvoted");
    requireAtLeast(reviewHelpful, 0, "reviewHelpful");
    requireAtMost(spamRemoved, 0, "spamRemoved");
    requireAtLeast(dailyVoteCap, 0, "dailyVoteCap");
    requireAtLeast(floor, 0, "floor");
  }

  /**
   * @return Stack Exchange's rules: up vote +10, down vote −2, casting a down vote on an answer −1, answer accepted
   *     +15, accepting +2, idea up vote +5, review helpful +2, removed as spam −100, 200 a day from votes, floor 1
   */
  public static ReputationRules stackExchange() {
    return new ReputationRules(10, -2, -1, 15, 2, 5, 2, -100, 200, 1);
  }

  /** @return these rules with another daily cap on gains from votes */
  public ReputationRules withDailyVoteCap(long cap) {
    return new ReputationRules(postUpvoted, postDownvoted, downvoteCast, answerAccepted, acceptedAnAnswer,
        ideaUpvoted, reviewHelpful, spamRemoved, cap, floor);
  }

  /** @return these rules with other amounts for votes on posts */
  public ReputationRules withPostVotes(long upvoted, long downvoted, long downvoteCastCost) {
    return new ReputationRules(upvoted, downvoted, downvoteCastCost, answerAccepted, acceptedAnAnswer, ideaUpvoted,
        reviewHelpful, spamRemoved, dailyVoteCap, floor);
  }

  /** @return these rules with other amounts for accepted answers */
  public ReputationRules withAcceptance(long answerer, long asker) {
    return new ReputationRules(postUpvoted, postDownvoted, downvoteCast, answerer, asker, ideaUpvoted, reviewHelpful,
        spamRemoved, dailyVoteCap, floor);
  }

  /**
   * @param reason a cause
   * @return the amount the rules give it
   */
  public long amount(ReputationReason reason) {
    return switch (reason) {
      case POST_UPVOTED -> postUpvoted;
      case POST_DOWNVOTED -> postDownvoted;
      case DOWNVOTE_CAST -> downvoteCast;
      case ANSWER_ACCEPTED -> answerAccepted;
      case ACCEPTED_AN_ANSWER -> acceptedAnAnswer;
      case IDEA_UPVOTED -> ideaUpvoted;
      case REVIEW_HELPFUL -> reviewHelpful;
      case SPAM_REMOVED -> spamRemoved;
      case ADJUSTMENT -> 0;
    };
  }

  /**
   * @param reason a cause
   * @return whether gains for it count against the daily cap: gains from votes do, accepted answers do not
   */
  public static boolean capped(ReputationReason reason) {
    return reason == ReputationReason.POST_UPVOTED || reason == ReputationReason.IDEA_UPVOTED
        || reason == ReputationReason.REVIEW_HELPFUL;
  }

  private static void requireAtLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }

  private static void requireAtMost(long value, long max, String name) {
    if (value > max) {
      throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
    }
  }
}
