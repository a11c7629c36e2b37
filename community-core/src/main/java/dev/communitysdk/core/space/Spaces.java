package dev.communitysdk.core.space;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.SpaceCreated;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.Visibility;

/** Creates and finds spaces. Admins create spaces; members see the spaces they may read. Thread-safe. */
public final class Spaces {
  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Spaces(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * @param actor an admin
   * @param draft the space to create
   * @return the created space
   * @throws ValidationException if a field breaks its rule
   * @throws ConflictException if the slug is taken
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   */
  public Space create(Actor actor, SpaceDraft draft) {
    requireNonNull(draft, "draft");
    SpaceDraft checked = validate(draft);
    return context.commands().run("space.create", () -> {
      Member admin = context.acting(actor, "space.create");
      context.policy().requireAdmin(admin, "space.create");
      if (context.store().spaces().findBySlug(checked.slug()).isPresent()) {
        throw new ConflictException("space.slug", "a space with slug '" + checked.slug() + "' already exists");
      }
      Instant now = context.commands().now();
      Space space = context.store().spaces().insert(new NewSpace(checked.slug(), checked.name(),
          checked.description(), checked.kind(), checked.visibility(), checked.moderationMode(),
          checked.allowAnonymous(), checked.accessRoles(), checked.rules(), now));
      context.events().append(
          new SpaceCreated(space.id().value(), space.slug(), space.kind().name(), space.visibility().name()), now);
      return space;
    });
  }

  /**
   * @param actor the reader
   * @param id a space
   * @return the space, if it exists and the actor may read it
   */
  public Optional<Space> find(Actor actor, SpaceId id) {
    return context.commands().run("space.find", () -> {
      Member reader = context.reader(actor);
      return context.store().spaces().find(id).filter(space -> context.policy().canRead(reader, space));
    });
  }

  /**
   * @param actor the reader
   * @param slug a space slug
   * @return the space, if it exists and the actor may read it
   */
  public Optional<Space> findBySlug(Actor actor, String slug) {
    return context.commands().run("space.find", () -> {
      Member reader = context.reader(actor);
      return context.store().spaces().findBySlug(slug).filter(space -> context.policy().canRead(reader, space));
    });
  }

  /**
   * @param actor the reader
   * @return the spaces the actor may read, ordered by id
   */
  public List<Space> list(Actor actor) {
    return context.commands().run("space.list", () -> {
      Member reader = context.reader(actor);
      return context.store().spaces().list().stream().filter(space -> context.policy().canRead(reader, space)).toList();
    });
  }

  private static SpaceDraft validate(SpaceDraft draft) {
    if (draft.visibility() == Visibility.RESTRICTED && draft.accessRoles().isEmpty()) {
      throw new ValidationException("accessRoles", "must name at least one role for a restricted space", "[]");
    }
    if (draft.visibility() != Visibility.RESTRICTED && !draft.accessRoles().isEmpty()) {
      throw new ValidationException("accessRoles", "apply only to restricted spaces", draft.accessRoles());
    }
    InputRules.slug(draft.slug());
    InputRules.name(draft.name());
    InputRules.description(draft.description());
    return draft;
  }
}
