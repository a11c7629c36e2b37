package dev.communitysdk.spi.storage;

/**
 * The storage port: a transactor and one store per aggregate, all over the same data.
 *
 * <p>Stores never begin or commit on their own: every call joins the transaction the {@link #transactor()} opened on
 * the calling thread (adapters may run a lone call in its own transaction). No adapter type (JDBC, jOOQ) crosses this
 * port; failures arrive as {@link dev.communitysdk.spi.error.StorageException}s, unique-key violations as
 * {@link dev.communitysdk.spi.error.DuplicateKeyException}s, and failures worth retrying as
 * {@link dev.communitysdk.spi.error.TransientStorageException}s. Implementations are thread-safe.
 */
public interface CommunityStore {
  /** @return the transactor that sets the boundaries the stores join */
  Transactor transactor();

  /** @return the member store */
  MemberStore members();

  /** @return the space store */
  SpaceStore spaces();

  /** @return the topic store */
  TopicStore topics();

  /** @return the post store */
  PostStore posts();

  /** @return the vote store */
  VoteStore votes();

  /** @return the revision store */
  RevisionStore revisions();

  /** @return the outbox */
  OutboxStore outbox();

  /** @return the reputation ledger */
  ReputationLedger reputation();

  /** @return the badge store */
  BadgeStore badges();

  /** @return the sentiment aggregates */
  SentimentStore sentiment();

  /** @return the idea store */
  IdeaStore ideas();

  /** @return the review store */
  ReviewStore reviews();

  /** @return the flag store */
  FlagStore flags();

  /** @return the sanction store */
  SanctionStore sanctions();

  /** @return the rate-limit counters */
  RateLimitStore rateLimits();

  /** @return the mentions of posts */
  MentionStore mentions();

  /** @return the subscriptions and notification delivery preferences */
  SubscriptionStore subscriptions();

  /** @return the notifications kept for digests */
  DigestStore digests();

  /** @return the audit log */
  AuditLog audit();

  /** @return the members' links to CRM contacts */
  CrmLinkStore crmLinks();

  /** @return the escalations of questions to support cases, and the spaces' escalation service levels */
  EscalationStore escalations();
}
