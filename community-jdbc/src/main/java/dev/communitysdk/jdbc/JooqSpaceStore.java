package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SPACE;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SPACE_GRANT;
import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SPACE_MEMBER;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmSpaceGrantRecord;
import dev.communitysdk.jdbc.internal.schema.tables.records.CmSpaceRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.storage.PageLimit;
import dev.communitysdk.spi.storage.SpaceStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.impl.DSL;

/**
 * Spaces in {@code cm_space}, their {@link SpaceRules} and access roles in columns of the same row, the customer
 * accounts and tiers admitted to them in {@code cm_space_grant}, and their explicit members in
 * {@code cm_space_member}.
 */
final class JooqSpaceStore implements SpaceStore {
  private static final String ACCOUNT = "ACCOUNT";
  private static final String TIER = "TIER";

  private final JooqTransactor tx;

  JooqSpaceStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Space insert(NewSpace space) {
    requireNonNull(space, "space");
    Instant createdAt = Times.truncate(space.createdAt());
    long id = tx.call("insert space cm_space(slug)", dsl -> {
      long inserted = dsl.insertInto(CM_SPACE)
          .set(CM_SPACE.SLUG, space.slug())
          .set(CM_SPACE.NAME, space.name())
          .set(CM_SPACE.DESCRIPTION, space.description())
          .set(CM_SPACE.KIND, space.kind().name())
          .set(CM_SPACE.VISIBILITY, space.visibility().name())
          .set(CM_SPACE.MODERATION_MODE, space.moderationMode().name())
          .set(CM_SPACE.ALLOW_ANONYMOUS, space.allowAnonymous())
          .set(CM_SPACE.ACCESS_ROLES, Columns.roles(space.access().roles()))
          .set(CM_SPACE.IDEA_DOWN_VOTES, space.rules().ideaDownVotes())
          .set(CM_SPACE.IDEA_VOTE_BUDGET, space.rules().ideaVoteBudget().orElse(null))
          .set(CM_SPACE.VERIFIED_REVIEWS_ONLY, space.rules().verifiedReviewsOnly())
          .set(CM_SPACE.CREATED_AT, createdAt)
          .returningResult(CM_SPACE.ID)
          .fetchSingle()
          .value1();
      insertGrants(dsl, inserted, space.access());
      return inserted;
    });
    return new Space(
        new SpaceId(id), space.slug(), space.name(), space.description(), space.kind(), space.visibility(),
        space.moderationMode(), space.allowAnonymous(), space.access(), space.rules(), createdAt);
  }

  @Override
  public Optional<Space> find(SpaceId id) {
    requireNonNull(id, "id");
    return findWhere("find space", CM_SPACE.ID.eq(id.value()));
  }

  @Override
  public Optional<Space> findBySlug(String slug) {
    requireNonNull(slug, "slug");
    return findWhere("find space by slug", CM_SPACE.SLUG.eq(slug));
  }

  /** Two queries: the spaces, then every grant at once. */
  @Override
  public List<Space> list() {
    return tx.call("list spaces", dsl -> {
      List<CmSpaceRecord> rows = dsl.selectFrom(CM_SPACE).orderBy(CM_SPACE.ID).fetch();
      Map<Long, List<CmSpaceGrantRecord>> grants = dsl.selectFrom(CM_SPACE_GRANT).fetch().stream()
          .collect(Collectors.groupingBy(CmSpaceGrantRecord::getSpaceId, HashMap::new, Collectors.toList()));
      return rows.stream().map(row -> toSpace(row, grants.getOrDefault(row.getId(), List.of()))).toList();
    });
  }

  @Override
  public void addMember(SpaceId spaceId, MemberId memberId, Instant at) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(memberId, "memberId");
    requireNonNull(at, "at");
    tx.call("insert space member cm_space_member(space_id, member_id)", dsl -> dsl.insertInto(CM_SPACE_MEMBER)
        .set(CM_SPACE_MEMBER.SPACE_ID, spaceId.value())
        .set(CM_SPACE_MEMBER.MEMBER_ID, memberId.value())
        .set(CM_SPACE_MEMBER.ADDED_AT, Times.truncate(at))
        .execute());
  }

  @Override
  public boolean removeMember(SpaceId spaceId, MemberId memberId) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(memberId, "memberId");
    return tx.call("delete space member", dsl -> dsl.deleteFrom(CM_SPACE_MEMBER)
        .where(CM_SPACE_MEMBER.SPACE_ID.eq(spaceId.value()))
        .and(CM_SPACE_MEMBER.MEMBER_ID.eq(memberId.value()))
        .execute()) > 0;
  }

  @Override
  public boolean isMember(SpaceId spaceId, MemberId memberId) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(memberId, "memberId");
    return tx.call("find space member", dsl -> dsl.fetchExists(CM_SPACE_MEMBER,
        CM_SPACE_MEMBER.SPACE_ID.eq(spaceId.value()).and(CM_SPACE_MEMBER.MEMBER_ID.eq(memberId.value()))));
  }

  @Override
  public Set<MemberId> membersAmong(SpaceId spaceId, Collection<MemberId> among) {
    requireNonNull(spaceId, "spaceId");
    Set<Long> wanted = requireNonNull(among, "among").stream().map(MemberId::value)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (wanted.isEmpty()) {
      return Set.of();
    }
    PageLimit.check(wanted.size(), MAX_PAGE);
    return tx.call("find space members among", dsl -> dsl.select(CM_SPACE_MEMBER.MEMBER_ID)
        .from(CM_SPACE_MEMBER)
        .where(CM_SPACE_MEMBER.SPACE_ID.eq(spaceId.value()))
        .and(CM_SPACE_MEMBER.MEMBER_ID.in(wanted))
        .fetch(row -> new MemberId(row.value1()))
        .stream().collect(Collectors.toCollection(HashSet::new)));
  }

  @Override
  public Set<SpaceId> memberships(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("list memberships", dsl -> dsl.select(CM_SPACE_MEMBER.SPACE_ID)
        .from(CM_SPACE_MEMBER)
        .where(CM_SPACE_MEMBER.MEMBER_ID.eq(memberId.value()))
        .fetch(row -> new SpaceId(row.value1()))
        .stream().collect(Collectors.toCollection(HashSet::new)));
  }

  @Override
  public List<MemberId> members(SpaceId spaceId, Optional<MemberId> after, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(after, "after");
    PageLimit.check(limit, MAX_PAGE);
    Condition page = after.map(id -> CM_SPACE_MEMBER.MEMBER_ID.gt(id.value())).orElse(DSL.noCondition());
    return tx.call("list space members", dsl -> dsl.select(CM_SPACE_MEMBER.MEMBER_ID)
        .from(CM_SPACE_MEMBER)
        .where(CM_SPACE_MEMBER.SPACE_ID.eq(spaceId.value()))
        .and(page)
        .orderBy(CM_SPACE_MEMBER.MEMBER_ID)
        .limit(limit)
        .fetch(row -> new MemberId(row.value1())));
  }

  private Optional<Space> findWhere(String operation, Condition condition) {
    return tx.call(operation, dsl -> dsl.selectFrom(CM_SPACE).where(condition).fetchOptional()
        .map(row -> toSpace(row, dsl.selectFrom(CM_SPACE_GRANT)
            .where(CM_SPACE_GRANT.SPACE_ID.eq(row.getId()))
            .fetch())));
  }

  private static void insertGrants(DSLContext dsl, long spaceId, SpaceAccess access) {
    if (access.accounts().isEmpty() && access.tiers().isEmpty()) {
      return;
    }
    InsertValuesStep3<CmSpaceGrantRecord, Long, String, String> insert = dsl.insertInto(
        CM_SPACE_GRANT, CM_SPACE_GRANT.SPACE_ID, CM_SPACE_GRANT.GRANT_KIND, CM_SPACE_GRANT.GRANTEE);
    for (String account : access.accounts()) {
      insert = insert.values(spaceId, ACCOUNT, account);
    }
    for (String tier : access.tiers()) {
      insert = insert.values(spaceId, TIER, tier);
    }
    insert.execute();
  }

  private static Space toSpace(CmSpaceRecord r, List<CmSpaceGrantRecord> grants) {
    SpaceAccess access = new SpaceAccess(
        Columns.roles(r.getAccessRoles(), "cm_space.access_roles"),
        grantees(grants, ACCOUNT),
        grantees(grants, TIER));
    return new Space(
        new SpaceId(r.getId()),
        r.getSlug(),
        r.getName(),
        r.getDescription(),
        Columns.enumValue(SpaceKind.class, r.getKind(), "cm_space.kind"),
        Columns.enumValue(Visibility.class, r.getVisibility(), "cm_space.visibility"),
        Columns.enumValue(ModerationMode.class, r.getModerationMode(), "cm_space.moderation_mode"),
        r.getAllowAnonymous(),
        access,
        new SpaceRules(r.getIdeaDownVotes(), Optional.ofNullable(r.getIdeaVoteBudget()), r.getVerifiedReviewsOnly()),
        r.getCreatedAt());
  }

  private static Set<String> grantees(List<CmSpaceGrantRecord> grants, String kind) {
    return grants.stream().filter(g -> g.getGrantKind().equals(kind)).map(CmSpaceGrantRecord::getGrantee)
        .collect(Collectors.toSet());
  }
}
