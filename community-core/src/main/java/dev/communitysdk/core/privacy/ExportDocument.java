package dev.communitysdk.core.privacy;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The shape of a member's data export, serialized as JSON. Each record's components are its JSON fields; absent
 * values are written as null, times as ISO-8601 instants in UTC. Not API: the JSON is.
 *
 * @param format always {@code "community-member-export"}
 * @param version the shape's version
 * @param exportedAt when the export was made
 * @param profile the member's profile
 * @param posts every post they wrote, anonymous ones included, with the revisions of each
 * @param reviews their product reviews
 * @param votes their votes on posts
 * @param ideaVotes their votes on ideas
 * @param reputation their reputation history, oldest first
 * @param flags the flags they raised on posts
 * @param subscriptions the topics, spaces and tags they follow, with how closely
 * @param notificationDelivery how they chose to get notifications ({@code IMMEDIATE} or {@code DIGEST}), if they chose
 */
record ExportDocument(
    String format, int version, String exportedAt, Profile profile, List<PostData> posts, List<ReviewData> reviews,
    List<VoteData> votes, List<IdeaVoteData> ideaVotes, List<ReputationData> reputation, List<FlagData> flags,
    List<SubscriptionData> subscriptions, @Nullable String notificationDelivery) {

  /** The member's profile as the community mirrors it. */
  record Profile(
      long memberId, String userId, String displayName, @Nullable String email, Set<String> roles,
      @Nullable String customerAccountId, @Nullable String locale, String status, long reputation,
      String joinedAt) {}

  /** A post and what it was before each edit. */
  record PostData(
      long postId, long topicId, long spaceId, boolean opening, @Nullable String topicTitle, boolean anonymous,
      String status, String source, long score, String createdAt, String updatedAt, List<RevisionData> revisions) {}

  /** A post as it was before an edit. */
  record RevisionData(long version, @Nullable String title, String source, String editedAt, boolean editedByMember) {}

  /** A product review. */
  record ReviewData(long topicId, String productId, int stars, boolean verifiedOwner, String createdAt) {}

  /** A vote on a post. */
  record VoteData(long postId, String direction, String castAt) {}

  /** A vote on an idea. */
  record IdeaVoteData(long ideaId, String direction, String castAt) {}

  /** A reputation change. */
  record ReputationData(
      long delta, String reason, boolean reversal, @Nullable Long topicId, @Nullable Long postId, String at) {}

  /** A flag raised on a post. */
  record FlagData(long postId, String reason, @Nullable String note, String outcome, String at) {}

  /** Something they follow: a topic or space by id, or a tag. */
  record SubscriptionData(String kind, String key, String level, String updatedAt) {}
}
