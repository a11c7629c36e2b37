package dev.communitysdk.tck.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.IdeaStatusChange;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NewMember;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.NewReputationEntry;
import dev.communitysdk.spi.model.NewReview;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.NewTopic;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.sentiment.SentimentScore;

/** Values the contract writes: every field set to something a store could get wrong (optionals present, roles). */
final class Samples {
  /** A fixed start with microseconds, which every supported database keeps exactly. */
  static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

  private static final AtomicLong UNIQUE = new AtomicLong();

  private Samples() {}

  /** @return {@link #T0} plus the seconds */
  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /**
   * Unique keys keep tests apart even on a store that is shared by mistake; the random part keeps parallel builds
   * on one database server apart too.
   */
  static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime() & 0xffffff) + "-" + UNIQUE.incrementAndGet();
  }

  static MemberProfile profile(String displayName) {
    return new MemberProfile(displayName, Optional.of(displayName.toLowerCase().replace(' ', '.') + "@example.com"),
        Set.of(Role.EXPERT, Role.PARTNER), Optional.of("acct-42"), Optional.of("en-GB"));
  }

  static NewMember member(String externalId) {
    return new NewMember(externalId, profile("Ada " + externalId), 7, T0, handle(externalId));
  }

  /** A valid, unique handle made from an external id: lower case, every other character an underscore. */
  static String handle(String externalId) {
    String handle = externalId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return handle.length() <= 40 ? handle : handle.substring(handle.length() - 40);
  }

  /** Roles, accounts and tiers, so that every part of a space's access is stored and read back. */
  static final SpaceAccess ACCESS =
      new SpaceAccess(Set.of(Role.EMPLOYEE, Role.PARTNER), Set.of("acct-42", "acct-7"), Set.of("gold"));

  static NewSpace space(String slug) {
    return space(slug, SpaceKind.QUESTIONS);
  }

  static NewSpace space(String slug, SpaceKind kind) {
    return new NewSpace(slug, "Space " + slug, "Where " + slug + " is discussed", kind, Visibility.RESTRICTED,
        ModerationMode.NEW_MEMBERS, true, ACCESS,
        new SpaceRules(true, Optional.of(3), true), T0);
  }

  static NewTopic topic(Space space, MemberId author, List<String> tags, double hot, Instant createdAt) {
    return new NewTopic(space.id(), space.kind(), "Router drops Wi-Fi every hour", tags, author, false, hot,
        createdAt);
  }

  static PostContent content(String source) {
    return new PostContent(source, "<p>" + source + "</p>", 3, Optional.of(SentimentScore.of(0.25)));
  }

  static NewPost post(Topic topic, MemberId author, PostStatus status, Instant createdAt) {
    return new NewPost(topic.id(), topic.spaceId(), author, false, false, content("Update the firmware to 2.1"),
        status, createdAt);
  }

  /** @return an entry about the topic (its space and tags), with a source key of its own and no post or causer */
  static NewReputationEntry entry(MemberId member, long delta, ReputationReason reason, Topic about, Instant at) {
    return entry(member, delta, reason, false, about, at);
  }

  /** @return a reversing entry about the topic, with a source key of its own and no post or causer */
  static NewReputationEntry reversal(MemberId member, long delta, ReputationReason reason, Topic about, Instant at) {
    return entry(member, delta, reason, true, about, at);
  }

  private static NewReputationEntry entry(
      MemberId member, long delta, ReputationReason reason, boolean reversal, Topic about, Instant at) {
    return new NewReputationEntry(member, delta, reason, reversal, unique("source"), Optional.empty(),
        Optional.of(about.spaceId()), Optional.of(about.id()), Optional.empty(), about.tags(), at);
  }

  /** @return an entry about a post caused by another member, every field set, with a source key of its own */
  static NewReputationEntry entry(
      MemberId member, long delta, ReputationReason reason, boolean reversal, MemberId causedBy, Post post,
      List<String> tags, Instant at) {
    return new NewReputationEntry(member, delta, reason, reversal, unique("source"), Optional.of(causedBy),
        Optional.of(post.spaceId()), Optional.of(post.topicId()), Optional.of(post.id()), tags, at);
  }

  /** @return an entry about nothing in particular, as maintenance writes them */
  static NewReputationEntry adjustment(MemberId member, long delta, Instant at) {
    return new NewReputationEntry(member, delta, ReputationReason.ADJUSTMENT, false, unique("source"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), at);
  }

  /** The customer account of the members whose posts {@link #sentiment} counts. */
  static final String ACCOUNT = "acct-42";

  /** The product the posts {@link #sentiment} counts are about. */
  static final String PRODUCT = "router-x";

  /**
   * @return a named post about {@link #PRODUCT} by a member of {@link #ACCOUNT}, added (weight +1) in the topic's space
   *     with the topic's tags, labelled as its score reads; its post id is made up, as no aggregate keeps posts
   */
  static SentimentSample sentiment(Topic topic, MemberId author, Instant postedAt, double score) {
    return new SentimentSample(new PostId(UNIQUE.incrementAndGet()), topic.id(), topic.spaceId(), Optional.of(author),
        Optional.of(ACCOUNT), Optional.of(PRODUCT), topic.tags(), postedAt, score, SentimentLabel.of(score), 1);
  }

  /** @return an anonymous post about no product, added in the topic's space with its tags */
  static SentimentSample anonymousSentiment(Topic topic, Instant postedAt, double score) {
    return new SentimentSample(new PostId(UNIQUE.incrementAndGet()), topic.id(), topic.spaceId(), Optional.empty(),
        Optional.empty(), Optional.empty(), topic.tags(), postedAt, score, SentimentLabel.of(score), 1);
  }

  /** @return the same post, taken out (weight -1) */
  static SentimentSample takenOut(SentimentSample added) {
    return new SentimentSample(added.postId(), added.topicId(), added.spaceId(), added.authorId(), added.accountId(),
        added.productId(), added.tags(), added.postedAt(), added.score(), added.label(), -1);
  }

  /** @return the same sample with another label than its score reads */
  static SentimentSample labelled(SentimentSample sample, SentimentLabel label) {
    return new SentimentSample(sample.postId(), sample.topicId(), sample.spaceId(), sample.authorId(),
        sample.accountId(), sample.productId(), sample.tags(), sample.postedAt(), sample.score(), label,
        sample.weight());
  }

  /** @return the same sample with the tags instead of its topic's */
  static SentimentSample tagged(SentimentSample sample, List<String> tags) {
    return new SentimentSample(sample.postId(), sample.topicId(), sample.spaceId(), sample.authorId(),
        sample.accountId(), sample.productId(), tags, sample.postedAt(), sample.score(), sample.label(),
        sample.weight());
  }

  /** @return an active vote cast on the idea, merged from nowhere */
  static IdeaVote ideaVote(
      Idea idea, MemberId voter, VoteDirection direction, Optional<String> accountId, Instant castAt) {
    return new IdeaVote(idea.topicId(), voter, direction, accountId, castAt, Optional.empty());
  }

  /**
   * @return a status change of the idea whose official response carries a sentiment, which a store does not keep (see
   *     {@link #withoutSentiment})
   */
  static IdeaStatusChange statusChange(
      Idea idea, IdeaStatus from, IdeaStatus to, MemberId changedBy, Instant changedAt, Optional<TopicId> duplicateOf) {
    return new IdeaStatusChange(idea.topicId(), from, to, content("Now " + to + ": thanks for every vote"), changedBy,
        changedAt, duplicateOf);
  }

  /** @return the status change as a store returns it: the response without its sentiment */
  static IdeaStatusChange withoutSentiment(IdeaStatusChange change) {
    PostContent response = change.response();
    return new IdeaStatusChange(change.topicId(), change.from(), change.to(),
        new PostContent(response.source(), response.html(), response.renderVersion(), Optional.empty()),
        change.changedBy(), change.changedAt(), change.duplicateOf());
  }

  /** @return a topic of the space reviewing the product */
  static NewTopic reviewTopic(Space space, MemberId author, String productId, Instant createdAt) {
    return new NewTopic(space.id(), space.kind(), "Fast router, short range", List.of(), author, false, 0, createdAt,
        Optional.of(productId));
  }

  /** @return the published opening post of the topic, by its author */
  static NewPost openingPost(Topic topic, Instant createdAt) {
    return new NewPost(topic.id(), topic.spaceId(), topic.authorId(), false, true,
        content("Four stars: fast, but the range is short"), PostStatus.PUBLISHED, createdAt);
  }

  /** @return a review by a verified owner, of the product the topic is about, by the topic's author */
  static NewReview review(Topic topic, Post openingPost, int stars, Instant createdAt) {
    return new NewReview(topic.id(), topic.spaceId(), topic.productId().orElseThrow(), topic.authorId(),
        openingPost.id(), stars, true, createdAt);
  }

  static NewEvent event(String type, long aggregateId, Instant occurredAt) {
    return new NewEvent(type, 2, "topic", aggregateId, "{\"topicId\":" + aggregateId + "}", occurredAt);
  }
}
