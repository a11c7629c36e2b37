package dev.communitysdk.core;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.content.ContentMaintenance;
import dev.communitysdk.core.content.ContentRenderer;
import dev.communitysdk.core.crm.CrmRoute;
import dev.communitysdk.core.crm.CrmSync;
import dev.communitysdk.core.escalation.EscalationRoute;
import dev.communitysdk.core.escalation.Escalations;
import dev.communitysdk.core.idea.Ideas;
import dev.communitysdk.core.insight.Insights;
import dev.communitysdk.core.insight.SpikeRules;
import dev.communitysdk.core.internal.BadgeAwarder;
import dev.communitysdk.core.internal.Commands;
import dev.communitysdk.core.internal.ClockTicker;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ContactLinker;
import dev.communitysdk.core.internal.ContentComposer;
import dev.communitysdk.core.internal.CustomerProfiles;
import dev.communitysdk.core.internal.EventLog;
import dev.communitysdk.core.internal.Mentions;
import dev.communitysdk.core.internal.RateLimiter;
import dev.communitysdk.core.internal.ReputationKeeper;
import dev.communitysdk.core.member.Members;
import dev.communitysdk.core.moderation.FlagRules;
import dev.communitysdk.core.moderation.Moderation;
import dev.communitysdk.core.notification.NotificationRoute;
import dev.communitysdk.core.notification.Notifications;
import dev.communitysdk.core.notification.Subscriptions;
import dev.communitysdk.core.post.Posts;
import dev.communitysdk.core.privacy.Audit;
import dev.communitysdk.core.privacy.Pseudonyms;
import dev.communitysdk.core.question.Questions;
import dev.communitysdk.core.relay.OutboxRelay;
import dev.communitysdk.core.relay.RelaySettings;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.reputation.PrivilegeRules;
import dev.communitysdk.core.reputation.Reputation;
import dev.communitysdk.core.reputation.ReputationRules;
import dev.communitysdk.core.review.Reviews;
import dev.communitysdk.core.sentiment.EnglishSentimentAnalyzer;
import dev.communitysdk.core.space.Spaces;
import dev.communitysdk.core.topic.Topics;
import dev.communitysdk.core.vote.Votes;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.event.CommunityEventListener;
import dev.communitysdk.spi.identity.IdentityProvider;
import dev.communitysdk.spi.notification.NotificationSink;
import dev.communitysdk.spi.sentiment.SentimentAnalyzer;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * A customer community running inside the host's JVM, on the host's storage, behind the host's login. Build one with
 * {@link #builder()} at start-up and share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * Community community = Community.builder()
 *     .store(JooqCommunityStore.create(dataSource))
 *     .identity(hostIdentityProvider)
 *     .build();
 * Actor alice = community.actor("host-user-42");
 * ThreadView thread = community.topics().start(alice, spaceId, TopicDraft.of("Router drops Wi-Fi hourly", body, "wifi"));
 * }</pre>
 *
 * <p>Every command takes the acting {@link Actor} first, checks access and input before any storage call, and runs as
 * one storage transaction. Bad input fails with a {@link dev.communitysdk.spi.error.ValidationException} that names
 * the field and the rule, and nothing is written.
 */
public final class Community implements AutoCloseable {
  private final Members members;
  private final Spaces spaces;
  private final Topics topics;
  private final Posts posts;
  private final Votes votes;
  private final Moderation moderation;
  private final Questions questions;
  private final Reputation reputation;
  private final Insights insights;
  private final Ideas ideas;
  private final Reviews reviews;
  private final ContentMaintenance content;
  private final Audit audit;
  private final CrmSync crm;
  private final Escalations escalations;
  private final Subscriptions subscriptions;
  private final Notifications notifications;
  private final OutboxRelay relay;

  private Community(Builder builder) {
    Commands commands = new Commands(builder.store.transactor(), builder.clock, builder.maxTransientAttempts);
    EventLog events = new EventLog(builder.store.outbox());
    CustomerProfiles profiles = new CustomerProfiles(builder.crm, builder.crmProfileTtl, builder.crmProfileCacheSize,
        ClockTicker.of(commands::now));
    AccessPolicy policy = new AccessPolicy(builder.store.spaces(), profiles);
    ContentComposer composer = new ContentComposer(ContentRenderer.standard(), builder.sentiment);
    CommunityContext context = new CommunityContext(builder.store, commands, policy, events, composer,
        new ReputationKeeper(builder.store, builder.reputationRules), builder.privileges,
        new BadgeAwarder(builder.store, events), new RateLimiter(builder.store.rateLimits(), builder.rateLimits),
        new Mentions(builder.store, policy, composer, events));
    this.members = new Members(context, builder.identity, builder.identityCacheTtl, builder.identityCacheSize,
        profiles, builder.pseudonyms);
    this.spaces = new Spaces(context);
    this.topics = new Topics(context);
    this.posts = new Posts(context);
    this.votes = new Votes(context);
    this.moderation = new Moderation(context, builder.flagRules);
    this.questions = new Questions(context, topics);
    this.reputation = new Reputation(context);
    this.insights = new Insights(context, builder.spikeRules);
    this.audit = new Audit(context);
    this.ideas = new Ideas(context, topics, profiles);
    this.reviews = new Reviews(context, posts, votes, profiles);
    this.content = new ContentMaintenance(context);
    this.crm = new CrmSync(context);
    this.subscriptions = new Subscriptions(context);
    this.notifications = new Notifications(context, builder.sink);
    // Internal routes come first, so that the CRM hears of an event, an escalation's case is linked and notifications
    // are routed before the host's listeners see it; a host without a CRM or a sink gets no route for it, which would
    // only read for nothing.
    List<CommunityEventListener> routes = new ArrayList<>();
    ContactLinker links = new ContactLinker(context, builder.crm);
    if (builder.crm != CrmConnector.noop()) {
      routes.add(new CrmRoute(context, builder.crm, links, builder.spikeRules.recentDays()));
    }
    routes.add(new EscalationRoute(context, builder.crm, links));
    if (builder.sinkSet) {
      routes.add(new NotificationRoute(context, builder.sink));
    }
    routes.addAll(builder.listeners);
    this.escalations = new Escalations(context, posts, questions);
    this.relay = new OutboxRelay(context, routes, List.of(escalations::escalateOverdue), builder.relaySettings);
  }

  /** @return a builder; {@link Builder#store} and {@link Builder#identity} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves the user the host authenticated to the member acting for it. Shorthand for
   * {@code members().actor(userId)}.
   *
   * @param userId the host's user id
   * @return the actor to pass to commands
   */
  public Actor actor(String userId) {
    return members.actor(userId);
  }

  /** @return members: actors, profile refresh, data export, erasure */
  public Members members() {
    return members;
  }

  /** @return spaces: create, find, list */
  public Spaces spaces() {
    return spaces;
  }

  /** @return topics: start, edit, close, list, read threads */
  public Topics topics() {
    return topics;
  }

  /** @return posts: reply, edit, delete, revisions */
  public Posts posts() {
    return posts;
  }

  /** @return votes: up, down, retract */
  public Votes votes() {
    return votes;
  }

  /**
   * @return moderation: flags, the moderation queue and its decisions, spam removal, sanctions of members, reveals
   *     of anonymous authors
   */
  public Moderation moderation() {
    return moderation;
  }

  /** @return questions: ask, accept answers, ranked answers, expert routing */
  public Questions questions() {
    return questions;
  }

  /** @return reputation: standings, leaderboards, history, recompute */
  public Reputation reputation() {
    return reputation;
  }

  /** @return insights for the company: sentiment series, trends, negative topics, spikes */
  public Insights insights() {
    return insights;
  }

  /** @return ideas: propose, vote, roadmap statuses with official responses, merges, trending, weighted demand */
  public Ideas ideas() {
    return ideas;
  }

  /** @return product reviews: write, edit, delete, helpfulness, official replies, ratings */
  public Reviews reviews() {
    return reviews;
  }

  /** @return content upkeep: re-rendering posts stored by an older renderer */
  public ContentMaintenance content() {
    return content;
  }

  /** @return the audit log of privileged actions, for moderators and admins */
  public Audit audit() {
    return audit;
  }

  /**
   * @return the CRM links of members, for admins; the relay's CRM route links members, records their activity and
   *     pushes account health through the {@link Builder#crm connector}
   */
  public CrmSync crm() {
    return crm;
  }

  /**
   * @return escalation of questions to CRM support cases: per-space service levels, the overdue sweep, escalation by
   *     members, resolutions posted back, and the deflection report
   */
  public Escalations escalations() {
    return escalations;
  }

  /**
   * @return subscriptions: follow topics, spaces and tags at a watching level (watching, tracking, muted), unfollow,
   *     list one's own
   */
  public Subscriptions subscriptions() {
    return subscriptions;
  }

  /**
   * @return notifications: each member's choice of immediate delivery or digests, their unsent notifications, and
   *     the digests the host's scheduler sends through the {@link Builder#notifications sink}
   */
  public Notifications notifications() {
    return notifications;
  }

  /**
   * @return the outbox relay that delivers domain events to the CRM, escalation and notification routes and the
   *     {@link Builder#listener listeners}; its background thread also escalates overdue questions before each drain
   */
  public OutboxRelay relay() {
    return relay;
  }

  /**
   * Releases what the community created: stops the relay's background thread if it runs. The store and the host's
   * data source are the host's and stay open.
   */
  @Override
  public void close() {
    relay.stop();
  }

  /** Collects the community's settings; {@link #build()} checks them and fails fast on a bad one. Not thread-safe. */
  public static final class Builder {
    private CommunityStore store;
    private IdentityProvider identity;
    private SentimentAnalyzer sentiment;
    private Clock clock = Clock.systemUTC();
    private final List<CommunityEventListener> listeners = new ArrayList<>();
    private RelaySettings relaySettings = RelaySettings.defaults();
    private Duration identityCacheTtl = Duration.ofSeconds(60);
    private long identityCacheSize = 10_000;
    private int maxTransientAttempts = 5;
    private ReputationRules reputationRules = ReputationRules.stackExchange();
    private PrivilegeRules privileges = PrivilegeRules.stackExchange();
    private SpikeRules spikeRules = SpikeRules.defaults();
    private FlagRules flagRules = FlagRules.defaults();
    private CrmConnector crm = CrmConnector.noop();
    private Duration crmProfileTtl = Duration.ofMinutes(5);
    private long crmProfileCacheSize = 10_000;
    private RateLimits rateLimits = RateLimits.defaults();
    private Pseudonyms pseudonyms = Pseudonyms.withRandomSalt();
    private NotificationSink sink = NotificationSink.noop();
    private boolean sinkSet;

    private Builder() {}

    /** @param value how many topics, replies and votes members may make; default {@link RateLimits#defaults()} */
    public Builder rateLimits(RateLimits value) {
      this.rateLimits = requireNonNull(value, "rateLimits");
      return this;
    }

    /** @param value how much each cause is worth, the daily cap and the floor; default {@link ReputationRules#stackExchange()} */
    public Builder reputationRules(ReputationRules value) {
      this.reputationRules = requireNonNull(value, "reputationRules");
      return this;
    }

    /** @param value how flags weigh and what weight hides a post; default {@link FlagRules#defaults()} */
    public Builder flagRules(FlagRules value) {
      this.flagRules = requireNonNull(value, "flagRules");
      return this;
    }

    /** @param value when a rise of negative posts is a spike; default {@link SpikeRules#defaults()} */
    public Builder spikeRules(SpikeRules value) {
      this.spikeRules = requireNonNull(value, "spikeRules");
      return this;
    }

    /** @param value the reputation each privilege needs; default {@link PrivilegeRules#stackExchange()} */
    public Builder privileges(PrivilegeRules value) {
      this.privileges = requireNonNull(value, "privileges");
      return this;
    }

    /** @param value the storage adapter, such as {@code JooqCommunityStore} or {@code InMemoryCommunityStore}; required */
    public Builder store(CommunityStore value) {
      this.store = requireNonNull(value, "store");
      return this;
    }

    /** @param value the host's identity provider; required */
    public Builder identity(IdentityProvider value) {
      this.identity = requireNonNull(value, "identity");
      return this;
    }

    /**
     * @param value the host's CRM: customer profiles for verified reviews and weighted idea demand; contacts linked to
     *     members, their activity, account health and support cases for escalated questions, through the
     *     {@link Community#relay() relay}; default {@link CrmConnector#noop()}, which knows no account and keeps no case
     */
    public Builder crm(CrmConnector value) {
      this.crm = requireNonNull(value, "crm");
      return this;
    }

    /**
     * @param value how long a customer profile read from the CRM is trusted; default 5 minutes. Zero asks the CRM
     *     every time.
     */
    public Builder crmProfileTtl(Duration value) {
      requireNonNull(value, "crmProfileTtl");
      if (value.isNegative()) {
        throw new IllegalArgumentException("crmProfileTtl must not be negative, was " + value);
      }
      this.crmProfileTtl = value;
      return this;
    }

    /** @param value how many customer profiles are cached at most; default 10,000 */
    public Builder crmProfileCacheSize(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("crmProfileCacheSize must not be negative, was " + value);
      }
      this.crmProfileCacheSize = value;
      return this;
    }

    /**
     * @param value the host's secret (at least 16 bytes; copied) that keys the HMAC-SHA256 hash replacing an erased
     *     member's host user id, in the member row and the audit log. Keep it secret and stable: with it, the host can
     *     tell whether a given user id was erased; without it, nobody can. Default: 32 random bytes per
     *     {@code Community}, so hashes cannot be matched across restarts or between nodes.
     */
    public Builder privacySalt(byte[] value) {
      this.pseudonyms = Pseudonyms.withSalt(requireNonNull(value, "privacySalt"));
      return this;
    }

    /** @param value the sentiment analyzer; default {@link EnglishSentimentAnalyzer} */
    public Builder sentiment(SentimentAnalyzer value) {
      this.sentiment = requireNonNull(value, "sentiment");
      return this;
    }

    /** @param value the clock every timestamp comes from; default the UTC system clock */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /**
     * @param value how long an identity look-up is trusted before the host is asked again; default 60 seconds.
     *     Zero asks the host on every look-up.
     */
    public Builder identityCacheTtl(Duration value) {
      requireNonNull(value, "identityCacheTtl");
      if (value.isNegative()) {
        throw new IllegalArgumentException("identityCacheTtl must not be negative, was " + value);
      }
      this.identityCacheTtl = value;
      return this;
    }

    /** @param value how many identities are cached at most; default 10,000 */
    public Builder identityCacheSize(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("identityCacheSize must not be negative, was " + value);
      }
      this.identityCacheSize = value;
      return this;
    }

    /**
     * @param value how many times a command is tried when the store fails transiently (lost connection, deadlock);
     *     default 5, at least 1
     */
    public Builder maxTransientAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxTransientAttempts must be at least 1, was " + value);
      }
      this.maxTransientAttempts = value;
      return this;
    }

    /**
     * @param value a listener the {@link Community#relay() relay} delivers every domain event to, at least once and in
     *     order per aggregate; listeners are called in the order they were added
     */
    public Builder listener(CommunityEventListener value) {
      listeners.add(requireNonNull(value, "listener"));
      return this;
    }

    /**
     * @param value the host's e-mail or push system: the {@link Community#relay() relay} turns committed events into
     *     notifications for it (replies, mentions, accepted answers, idea status changes, badges), ahead of the
     *     {@link #listener listeners}, and {@link Notifications#sendDigests()} sends it digests. Default: none, and
     *     no notification is made
     */
    public Builder notifications(NotificationSink value) {
      this.sink = requireNonNull(value, "notifications");
      this.sinkSet = true;
      return this;
    }

    /** @param value how the relay claims, retries and gives up; default {@link RelaySettings#defaults()} */
    public Builder relay(RelaySettings value) {
      this.relaySettings = requireNonNull(value, "relay");
      return this;
    }

    /**
     * @return the community
     * @throws IllegalStateException if the store or the identity provider is missing
     */
    public Community build() {
      if (store == null) {
        throw new IllegalStateException("store is required: call store(...) with a CommunityStore");
      }
      if (identity == null) {
        throw new IllegalStateException("identity is required: call identity(...) with the host's IdentityProvider");
      }
      if (sentiment == null) {
        sentiment = EnglishSentimentAnalyzer.create();
      }
      return new Community(this);
    }
  }
}
