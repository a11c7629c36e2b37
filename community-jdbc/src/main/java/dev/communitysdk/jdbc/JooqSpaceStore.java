package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_SPACE;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmSpaceRecord;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Visibility;
import dev.communitysdk.spi.storage.SpaceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Spaces in {@code cm_space}, their {@link SpaceRules} in columns of the same row. */
final class JooqSpaceStore implements SpaceStore {
  private final JooqTransactor tx;

  JooqSpaceStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Space insert(NewSpace space) {
    requireNonNull(space, "space");
    Instant createdAt = Times.truncate(space.createdAt());
    long id = tx.call("insert space cm_space(slug)", dsl -> dsl.insertInto(CM_SPACE)
        .set(CM_SPACE.SLUG, space.slug())
        .set(CM_SPACE.NAME, space.name())
        .set(CM_SPACE.DESCRIPTION, space.description())
        .set(CM_SPACE.KIND, space.kind().name())
        .set(CM_SPACE.VISIBILITY, space.visibility().name())
        .set(CM_SPACE.MODERATION_MODE, space.moderationMode().name())
        .set(CM_SPACE.ALLOW_ANONYMOUS, space.allowAnonymous())
        .set(CM_SPACE.ACCESS_ROLES, Columns.roles(space.accessRoles()))
        .set(CM_SPACE.IDEA_DOWN_VOTES, space.rules().ideaDownVotes())
        .set(CM_SPACE.IDEA_VOTE_BUDGET, space.rules().ideaVoteBudget().orElse(null))
        .set(CM_SPACE.VERIFIED_REVIEWS_ONLY, space.rules().verifiedReviewsOnly())
        .set(CM_SPACE.CREATED_AT, createdAt)
        .returningResult(CM_SPACE.ID)
        .fetchSingle()
        .value1());
    return new Space(
        new SpaceId(id), space.slug(), space.name(), space.description(), space.kind(), space.visibility(),
        space.moderationMode(), space.allowAnonymous(), space.accessRoles(), space.rules(), createdAt);
  }

  @Override
  public Optional<Space> find(SpaceId id) {
    requireNonNull(id, "id");
    return tx.call("find space", dsl -> dsl.selectFrom(CM_SPACE)
        .where(CM_SPACE.ID.eq(id.value()))
        .fetchOptional(JooqSpaceStore::toSpace));
  }

  @Override
  public Optional<Space> findBySlug(String slug) {
    requireNonNull(slug, "slug");
    return tx.call("find space by slug", dsl -> dsl.selectFrom(CM_SPACE)
        .where(CM_SPACE.SLUG.eq(slug))
        .fetchOptional(JooqSpaceStore::toSpace));
  }

  @Override
  public List<Space> list() {
    return tx.call("list spaces", dsl -> dsl.selectFrom(CM_SPACE)
        .orderBy(CM_SPACE.ID)
        .fetch(JooqSpaceStore::toSpace));
  }

  private static Space toSpace(CmSpaceRecord r) {
    return new Space(
        new SpaceId(r.getId()),
        r.getSlug(),
        r.getName(),
        r.getDescription(),
        Columns.enumValue(SpaceKind.class, r.getKind(), "cm_space.kind"),
        Columns.enumValue(Visibility.class, r.getVisibility(), "cm_space.visibility"),
        Columns.enumValue(ModerationMode.class, r.getModerationMode(), "cm_space.moderation_mode"),
        r.getAllowAnonymous(),
        Columns.roles(r.getAccessRoles(), "cm_space.access_roles"),
        new SpaceRules(r.getIdeaDownVotes(), Optional.ofNullable(r.getIdeaVoteBudget()), r.getVerifiedReviewsOnly()),
        r.getCreatedAt());
  }
}
