package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
/**
 * A space to insert. The fields mean what they mean on {@link Space}.
 *
 * @param slug a short unique name
 * @param name the display name
 * @param description what the space is for
 * @param kind what the space holds
 * @param visibility who may read it
 * @param moderationMode whether new posts wait for approval
 * @param allowAnonymous whether members may post anonymously
 * @param access who may read a restricted space
 * @param rules what the space allows beyond its kind's defaults
 * @param createdAt when the space is created
 */
public record NewSpace(
    String slug, String name, String description, SpaceKind kind, Visibility visibility,
    ModerationMode moderationMode, boolean allowAnonymous, SpaceAccess access, SpaceRules rules,
    Instant createdAt) {
  /** Checks the fields. */
  public NewSpace {
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
