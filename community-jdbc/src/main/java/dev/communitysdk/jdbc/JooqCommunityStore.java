package dev.communitysdk.jdbc;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.storage.AuditLog;
import dev.communitysdk.spi.storage.EscalationStore;
import dev.communitysdk.spi.storage.BadgeStore;
import dev.communitysdk.spi.storage.CommunityStore;
import dev.communitysdk.spi.storage.CrmLinkStore;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;

/**
 * The storage port on a relational database through jOOQ: H2, PostgreSQL or MariaDB, detected from the connection.
 *
 * <p>The store borrows the host's {@link DataSource} and never closes it. Each {@link Transactor#inTransaction} call
 * holds one connection for its duration; a store call made outside any transaction runs in one of its own. Every
 * failure reaches the caller as a {@link StorageException} (unique violations as
 * {@link dev.communitysdk.spi.error.DuplicateKeyException}, retryable ones as
 * {@link dev.communitysdk.spi.error.TransientStorageException}); no JDBC or jOOQ type crosses the port.
 *
 * <p>The schema lives in versioned scripts shipped in this jar under {@code db/community/<database>/}. A host applies
 * them with {@link #migrate()} (Flyway, with its own history table {@code cm_schema_history}), checks them with
 * {@link #validate()}, or hands {@link #exportSql()} to its DBA. Thread-safe.
 */
public final class JooqCommunityStore implements CommunityStore {
  private final DataSource dataSource;
  private final Database database;
  private final JooqTransactor transactor;
  private final MemberStore members;
  private final SpaceStore spaces;
  private final TopicStore topics;
  private final PostStore posts;
  private final VoteStore votes;
  private final RevisionStore revisions;
  private final OutboxStore outbox;
  private final ReputationLedger reputation;
  private final BadgeStore badges;
  private final SentimentStore sentiment;
  private final IdeaStore ideas;
  private final ReviewStore reviews;
  private final FlagStore flags;
  private final SanctionStore sanctions;
  private final RateLimitStore rateLimits;
  private final MentionStore mentions;
  private final SubscriptionStore subscriptions;
  private final DigestStore digests;
  private final AuditLog audit;
  private final CrmLinkStore crmLinks;
  private final EscalationStore escalations;

  private JooqCommunityStore(DataSource dataSource, Database database, SQLDialect dialect) {
    this.dataSource = dataSource;
    this.database = database;
    this.transactor = new JooqTransactor(dataSource, dialect, settings());
    this.members = new JooqMemberStore(transactor);
    this.spaces = new JooqSpaceStore(transactor);
    this.topics = new JooqTopicStore(transactor);
    this.posts = new JooqPostStore(transactor);
    this.votes = new JooqVoteStore(transactor);
    this.revisions = new JooqRevisionStore(transactor);
    this.outbox = new JooqOutboxStore(transactor);
    this.reputation = new JooqReputationLedger(transactor);
    this.badges = new JooqBadgeStore(transactor);
    this.sentiment = new JooqSentimentStore(transactor);
    this.ideas = new JooqIdeaStore(transactor);
    this.reviews = new JooqReviewStore(transactor);
    this.flags = new JooqFlagStore(transactor);
    this.sanctions = new JooqSanctionStore(transactor);
    this.rateLimits = new JooqRateLimitStore(transactor);
    this.mentions = new JooqMentionStore(transactor);
    this.subscriptions = new JooqSubscriptionStore(transactor);
    this.digests = new JooqDigestStore(transactor);
    this.audit = new JooqAuditLog(transactor);
    this.crmLinks = new JooqCrmLinkStore(transactor);
    this.escalations = new JooqEscalationStore(transactor);
  }

  /**
   * Creates a store on the data source without touching the schema ({@link SchemaMode#EXTERNAL}).
   *
   * @param dataSource the host's data source; borrowed, never closed
   * @return the store
   * @throws IllegalArgumentException if the database is not H2, PostgreSQL or MariaDB
   * @throws StorageException if no connection could be opened to find out
   */
  public static JooqCommunityStore create(DataSource dataSource) {
    return create(dataSource, JooqStoreOptions.defaults());
  }

  /**
   * Creates a store on the data source, then migrates or validates the schema as the options say.
   *
   * @param dataSource the host's data source; borrowed, never closed
   * @param options the store's settings
   * @return the store
   * @throws IllegalArgumentException if the database is not H2, PostgreSQL or MariaDB
   * @throws StorageException if no connection could be opened, or the schema mode failed
   */
  public static JooqCommunityStore create(DataSource dataSource, JooqStoreOptions options) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(options, "options");
    SQLDialect dialect = detect(dataSource);
    Database database = switch (dialect) {
      case H2 -> Database.H2;
      case POSTGRES -> Database.POSTGRESQL;
      default -> Database.MARIADB;
    };
    JooqCommunityStore store = new JooqCommunityStore(dataSource, database, dialect);
    switch (options.schemaMode()) {
      case MIGRATE -> store.migrate();
      case VALIDATE -> store.validate();
      case EXTERNAL -> {
        // The host owns the schema.
      }
    }
    return store;
  }

  /** @return the database the store runs on, detected from the connection */
  public Database database() {
    return database;
  }

  /**
   * Applies the pending migrations with Flyway, in its own history table {@code cm_schema_history}. Safe to call on
   * every start: an up-to-date schema is left alone. A schema that already holds the host's tables (and perhaps the
   * host's own Flyway history) is baselined at version 0 first; the host's history is never read or written.
   *
   * @throws StorageException if Flyway is not on the classpath (naming the artifacts to add), or a migration failed
   */
  public void migrate() {
    Migrations.migrate(dataSource, database);
  }

  /**
   * Checks that every shipped migration has been applied, unchanged, as recorded in {@code cm_schema_history}.
   *
   * @throws StorageException if the schema is behind or differs, saying what to do; or if Flyway is not on the
   *     classpath
   */
  public void validate() {
    Migrations.validate(dataSource, database);
  }

  /** @return the migration scripts for this store's database, in version order; see {@link #exportSql(Database)} */
  public String exportSql() {
    return exportSql(database);
  }

  /**
   * The migration scripts for a database, for a DBA or a host's own migration tool to apply. Needs no connection.
   *
   * @param database the database to export for
   * @return every script in version order, each headed by a comment naming the script
   */
  public static String exportSql(Database database) {
    return Migrations.exportSql(requireNonNull(database, "database"));
  }

  @Override
  public Transactor transactor() {
    return transactor;
  }

  @Override
  public MemberStore members() {
    return members;
  }

  @Override
  public SpaceStore spaces() {
    return spaces;
  }

  @Override
  public TopicStore topics() {
    return topics;
  }

  @Override
  public PostStore posts() {
    return posts;
  }

  @Override
  public VoteStore votes() {
    return votes;
  }

  @Override
  public RevisionStore revisions() {
    return revisions;
  }

  @Override
  public OutboxStore outbox() {
    return outbox;
  }

  @Override
  public ReputationLedger reputation() {
    return reputation;
  }

  @Override
  public BadgeStore badges() {
    return badges;
  }

  @Override
  public SentimentStore sentiment() {
    return sentiment;
  }

  @Override
  public IdeaStore ideas() {
    return ideas;
  }

  @Override
  public ReviewStore reviews() {
    return reviews;
  }

  @Override
  public FlagStore flags() {
    return flags;
  }

  @Override
  public SanctionStore sanctions() {
    return sanctions;
  }

  @Override
  public RateLimitStore rateLimits() {
    return rateLimits;
  }

  @Override
  public MentionStore mentions() {
    return mentions;
  }

  @Override
  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  @Override
  public DigestStore digests() {
    return digests;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public CrmLinkStore crmLinks() {
    return crmLinks;
  }

  @Override
  public EscalationStore escalations() {
    return escalations;
  }

  @Override
  public String toString() {
    return "JooqCommunityStore[" + database + "]";
  }

  /**
   * Unquoted, schema-less names: the generated classes were made from the H2 script without a schema, and every
   * engine then resolves the lower-case names in the connection's current schema.
   */
  private static Settings settings() {
    return new Settings()
        .withRenderQuotedNames(RenderQuotedNames.NEVER)
        .withRenderSchema(false)
        .withRenderCatalog(false)
        // Every statement would otherwise ask the driver for warnings: a round trip on some drivers, never useful.
        .withFetchWarnings(false);
  }

  private static SQLDialect detect(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw StorageErrors.translate("detect the database", e);
    }
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return SQLDialect.H2;
    }
    if (name.contains("postgresql")) {
      return SQLDialect.POSTGRES;
    }
    if (name.contains("mariadb")) {
      return SQLDialect.MARIADB;
    }
    if (name.contains("mysql")) {
      return SQLDialect.MYSQL;
    }
    throw new IllegalArgumentException("The community store runs on H2, PostgreSQL and MariaDB, but the data source"
        + " connects to '" + product + "'");
  }
}
