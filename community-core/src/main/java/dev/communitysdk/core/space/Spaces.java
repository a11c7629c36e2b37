package dev.communitysdk.core.space;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.event.SpaceCreated;
import dev.communitysdk.core.event.SpaceMemberChanged;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSpace;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Visibility;

/**
 * Creates and finds spaces, and keeps the explicit members of private ones. Admins create spaces and choose who reads
 * a private one; members see the spaces they may read, and nothing of the others. Thread-safe.
 */
public final class Spaces {
  /** The largest page of {@link #members}. */
  public static final int MAX_MEMBERS_PAGE = 500;

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
          checked.allowAnonymous(), checked.access(), checked.rules(), now));
      checked.escalationSla().ifPresent(sla -> context.store().escalations().setSla(space.id(), Optional.of(sla)));
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
      AccessPolicy.ReadableSpaces readable = context.policy().readable(context.reader(actor));
      return context.store().spaces().list().stream().filter(readable::canRead).toList();
    });
  }

  /**
   * Adds a member to a private space, letting them read it. Admins decide who reads a private space, as they decide
   * which spaces exist; moderators read every space but do not widen its audience.
   *
   * @param actor an admin
   * @param spaceId a private space
   * @param memberId the member to add
   * @return true if the member was added, false if they already were a member
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if the space or the member does not exist
   * @throws ConflictException if the space is not private (rule {@code space.visibility})
   */
  public boolean addMember(Actor actor, SpaceId spaceId, MemberId memberId) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(memberId, "memberId");
    return context.commands().run("space.member.add", () -> {
      Member admin = context.acting(actor, "space.member.add");
      context.policy().requireAdmin(admin, "space.member.add");
      Space space = requirePrivate(context.space(spaceId));
      context.store().members().find(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
      if (context.store().spaces().isMember(spaceId, memberId)) {
        return false;
      }
      Instant now = context.commands().now();
      context.store().spaces().addMember(space.id(), memberId, now);
      context.events().append(new SpaceMemberChanged(spaceId.value(), memberId.value(), true, admin.id().value()), now);
      return true;
    });
  }

  /**
   * Removes a member from a private space: from then on the space and everything in it is not found for them.
   *
   * @param actor an admin
   * @param spaceId a private space
   * @param memberId the member to remove
   * @return true if the member was removed, false if they were not a member
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if the space does not exist
   * @throws ConflictException if the space is not private (rule {@code space.visibility})
   */
  public boolean removeMember(Actor actor, SpaceId spaceId, MemberId memberId) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(memberId, "memberId");
    return context.commands().run("space.member.remove", () -> {
      Member admin = context.acting(actor, "space.member.remove");
      context.policy().requireAdmin(admin, "space.member.remove");
      requirePrivate(context.space(spaceId));
      if (!context.store().spaces().removeMember(spaceId, memberId)) {
        return false;
      }
      context.events().append(new SpaceMemberChanged(spaceId.value(), memberId.value(), false, admin.id().value()),
          context.commands().now());
      return true;
    });
  }

  /**
   * The explicit members of a private space, for the moderators and admins who look after it.
   *
   * @param actor a moderator or an admin
   * @param spaceId a private space
   * @param after the last member id of the previous page, if any
   * @param limit the page size, 1 to {@value #MAX_MEMBERS_PAGE}
   * @return the members' ids, in id order
   * @throws NotFoundException if the space does not exist or the actor may not read it
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor reads the space but is no moderator
   * @throws ConflictException if the space is not private (rule {@code space.visibility})
   */
  public List<MemberId> members(Actor actor, SpaceId spaceId, Optional<MemberId> after, int limit) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(after, "after");
    int checkedLimit = InputRules.pageSize("limit", limit, MAX_MEMBERS_PAGE);
    return context.commands().run("space.members", () -> {
      Member reader = context.reader(actor);
      Space space = context.space(spaceId);
      context.policy().requireRead(reader, space);
      context.policy().requireModerator(reader, "space.members");
      requirePrivate(space);
      return context.store().spaces().members(spaceId, after, checkedLimit);
    });
  }

  private static Space requirePrivate(Space space) {
    if (space.visibility() != Visibility.PRIVATE) {
      throw new ConflictException("space.visibility", "space " + space.slug() + " is " + space.visibility()
          + "; only private spaces have explicit members");
    }
    return space;
  }

  private static SpaceDraft validate(SpaceDraft draft) {
    if (draft.visibility() == Visibility.RESTRICTED && draft.access().isEmpty()) {
      throw new ValidationException("access", "must name at least one role, account or tier for a restricted space",
          draft.access());
    }
    if (draft.visibility() != Visibility.RESTRICTED && !draft.access().isEmpty()) {
      throw new ValidationException("access", "applies only to restricted spaces", draft.access());
    }
    InputRules.slug(draft.slug());
    InputRules.name(draft.name());
    InputRules.description(draft.description());
    draft.escalationSla().ifPresent(sla -> {
      InputRules.escalationSla("escalationSla", sla);
      if (draft.kind() != SpaceKind.QUESTIONS) {
        throw new ValidationException("escalationSla", "applies only to questions spaces", sla);
      }
    });
    return draft;
  }
}
