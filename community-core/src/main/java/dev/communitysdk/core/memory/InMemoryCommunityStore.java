package dev.communitysdk.core.memory;

import dev.communitysdk.spi.storage.AuditLog;
import dev.communitysdk.spi.storage.BadgeStore;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.spi.storage.CrmLinkStore;
import dev.communitysdk.spi.storage.EscalationStore;
import dev.communitysdk.spi.storage.DigestStore;
import dev.communitysdk.spi.storage.FlagStore;
import dev.communitysdk.spi.storage.IdeaStore;
import dev.communitysdk.spi.storage.MemberStore;
import dev.communitysdk.spi.storage.MentionStore;
import dev.communitysdk.spi.storage.OutboxStore;
import dev.communitysdk.spi.storage.PostStore;
import dev.communitysdk.spi.storage.RateLimitStore;
import dev.communitysdk.spi.storage.ReputationLedger;
import dev.communitysdk.spi.storage.ReviewStore;
import dev.communitysdk.spi.storage.RevisionStore;
import dev.communitysdk.spi.storage.SanctionStore;
import dev.communitysdk.spi.storage.SentimentStore;
import dev.communitysdk.spi.storage.SpaceStore;
import dev.communitysdk.spi.storage.SubscriptionStore;
import dev.communitysdk.spi.storage.TopicStore;
import dev.communitysdk.spi.storage.Transactor;
import dev.communitysdk.spi.storage.VoteStore;

/**
 * The reference storage: every port in JVM memory, nothing persisted. Passes the full storage contract kit.
 *
 * <p>Transactions are serialized: one transaction runs at a time per store, and a nested call joins the outer one.
 * When a transaction's work throws, every write it made is undone, and the exception propagates unchanged. A store
 * call made outside a transaction runs in a transaction of its own. Unique keys (a member's external id, a space's
 * slug, one explicit member per space and member, one vote per voter and post, one ledger entry per member and source
 * key, one award per member, badge and subject, one sentiment alert per scope and window end, one idea per topic, one
 * idea vote per idea and voter whether active or not, one review per topic and one per author and product, one flag
 * per post and flagger, one spam mark per post, one member per handle, one rate counter per member, limit and window,
 * one escalation per topic, one subscription per member and target, one kept notification per idempotency key) raise
 * {@link dev.communitysdk.spi.error.DuplicateKeyException} as the database would, and rows that refer to missing rows
 * are refused with a {@link dev.communitysdk.spi.error.StorageException}, as the database's foreign keys would. Ids
 * come from per-table sequences that, like database sequences, are not rolled back. Timestamps are kept as given.
 *
 * <p>Thread-safe. Meant for tests and quick starts: listings scan every topic, post, idea or review of the store,
 * idea trends and vote counts scan every idea vote, and leaderboards and expertise scan the whole ledger.
 */
public final class InMemoryCommunityStore implements CommunityStore {
  private final InMemoryTransactor transactor = new InMemoryTransactor();
  private final InMemoryMemberStore members = new InMemoryMemberStore(transactor);
  private final InMemorySpaceStore spaces = new InMemorySpaceStore(transactor, members);
  // Read through this.posts at call time: the post store is built after the topic store, since posts refer to topics.
  private final InMemoryTopicStore topics =
      new InMemoryTopicStore(transactor, spaces, members, postId -> this.posts.exists(postId));
  private final InMemoryPostStore posts = new InMemoryPostStore(transactor, topics, members);
  private final InMemoryVoteStore votes = new InMemoryVoteStore(transactor, posts, members);
  private final InMemoryRevisionStore revisions = new InMemoryRevisionStore(transactor, posts);
  private final InMemoryOutboxStore outbox = new InMemoryOutboxStore(transactor);
  private final InMemoryReputationLedger reputation = new InMemoryReputationLedger(transactor, members);
  private final InMemoryBadgeStore badges = new InMemoryBadgeStore(transactor, members);
  private final InMemorySentimentStore sentiment = new InMemorySentimentStore(transactor, topics);
  private final InMemoryIdeaStore ideas = new InMemoryIdeaStore(transactor, topics, members);
  private final InMemoryReviewStore reviews = new InMemoryReviewStore(transactor, topics, posts, members);
  private final InMemoryFlagStore flags = new InMemoryFlagStore(transactor, posts, members);
  private final InMemorySanctionStore sanctions = new InMemorySanctionStore(transactor, members);
  private final InMemoryRateLimitStore rateLimits = new InMemoryRateLimitStore(transactor, members);
  private final InMemoryMentionStore mentions = new InMemoryMentionStore(transactor, posts, members);
  private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore(transactor, members);
  private final InMemoryDigestStore digests = new InMemoryDigestStore(transactor, members);
  private final InMemoryAuditLog audit = new InMemoryAuditLog(transactor, members);
  private final InMemoryCrmLinkStore crmLinks = new InMemoryCrmLinkStore(transactor, members);
  private final InMemoryEscalationStore escalations = new InMemoryEscalationStore(transactor, spaces, topics);

  private InMemoryCommunityStore() {}

  /** @return a new, empty store, independent of every other */
  public static InMemoryCommunityStore create() {
    return new InMemoryCommunityStore();
  }

  /** @return the transactor: serialized transactions, nested calls join, a throw rolls back everything */
  @Override
  public Transactor transactor() {
    return transactor;
  }

  /** @return the member store; the external id is unique */
  @Override
  public MemberStore members() {
    return members;
  }

  /** @return the space store; the slug is unique, and so is a member in a space's explicit members */
  @Override
  public SpaceStore spaces() {
    return spaces;
  }

  /** @return the topic store */
  @Override
  public TopicStore topics() {
    return topics;
  }

  /** @return the post store */
  @Override
  public PostStore posts() {
    return posts;
  }

  /** @return the vote store; one vote per (voter, post) */
  @Override
  public VoteStore votes() {
    return votes;
  }

  /** @return the revision store */
  @Override
  public RevisionStore revisions() {
    return revisions;
  }

  /** @return the outbox; ids increase in append order, which is also commit order here */
  @Override
  public OutboxStore outbox() {
    return outbox;
  }

  /** @return the reputation ledger; one entry per (member, source key), ids increasing in append order */
  @Override
  public ReputationLedger reputation() {
    return reputation;
  }

  /** @return the badge store; one award per (member, badge, subject) */
  @Override
  public BadgeStore badges() {
    return badges;
  }

  /**
   * @return the sentiment aggregates; one alert per (scope, window end); counters that would go below zero are
   *     refused with a {@link dev.communitysdk.spi.error.StorageException}
   */
  @Override
  public SentimentStore sentiment() {
    return sentiment;
  }

  /**
   * @return the idea store; one idea per topic, one vote per (idea, voter) whether active or not; vote counters that
   *     would go below zero are refused with a {@link dev.communitysdk.spi.error.StorageException}
   */
  @Override
  public IdeaStore ideas() {
    return ideas;
  }

  /**
   * @return the review store; one review per (author, product) across every space; star counters that would go below
   *     zero are refused with a {@link dev.communitysdk.spi.error.StorageException}
   */
  @Override
  public ReviewStore reviews() {
    return reviews;
  }

  /** @return the flag store; one flag per (post, flagger), one spam mark per post */
  @Override
  public FlagStore flags() {
    return flags;
  }

  /** @return the sanction store */
  @Override
  public SanctionStore sanctions() {
    return sanctions;
  }

  /** @return the rate-limit counters; one per (member, limit, window start) */
  @Override
  public RateLimitStore rateLimits() {
    return rateLimits;
  }

  /** @return the mentions; one set of mentioned members per post */
  @Override
  public MentionStore mentions() {
    return mentions;
  }

  /** @return the subscriptions; one per (member, target), one delivery preference per member */
  @Override
  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  /** @return the notifications kept for digests; one per idempotency key */
  @Override
  public DigestStore digests() {
    return digests;
  }

  /** @return the audit log; entries refer to existing members, and listings are newest first */
  @Override
  public AuditLog audit() {
    return audit;
  }

  /** @return the members' CRM links; one per member, each referring to an existing member */
  @Override
  public CrmLinkStore crmLinks() {
    return crmLinks;
  }

  /** @return the escalations, one per topic, and the spaces' escalation service levels */
  @Override
  public EscalationStore escalations() {
    return escalations;
  }
}
