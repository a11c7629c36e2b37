package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
/**
 * Where topics live: a board or category of one kind.
 *
 * @param id the store's id
 * @param slug a short unique name, {@code [a-z0-9-]}
 * @param name the display name
 * @param description what the space is for; may be empty
 * @param kind what the space holds
 * @param visibility who may read it
 * @param moderationMode whether new posts wait for approval
 * @param allowAnonymous whether members may post anonymously here
 * @param access for {@link Visibility#RESTRICTED}: the roles, customer accounts and tiers that may read it; empty
 *     otherwise
 * @param rules what the space allows beyond its kind's defaults
 * @param createdAt when the space was created
 */
public record Space(
    SpaceId id, String slug, String name, String description, SpaceKind kind, Visibility visibility,
    ModerationMode moderationMode, boolean allowAnonymous, SpaceAccess access, SpaceRules rules,
    Instant createdAt) {
  /** Checks the fields. */
  public Space {
    requireNonNull(id, "id");
    Checks.notBlank(slug, "slug");
    Checks.notBlank(name, "name");
    requireNonNull(description, "description");
    requireNonNull(kind, "kind");
    requireNonNull(visibility, "visibility");
    requireNonNull(moderationMode, "moderationMode");
    requireNonNull(access, "access");
    requireNonNull(rules, "rules");
    Checks.instant(createdAt, "createdAt");
  }
}
