package dev.communitysdk.core.member;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.MemberEvent;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.identity.Identity;
import dev.communitysdk.spi.identity.IdentityProvider;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.NewMember;

/**
 * Members as the host's identity provider defines them. A host user becomes a member the first time the SDK sees the
 * user's id; the member's profile follows the host's on the next look-up after the identity cache's TTL, or at once
 * through {@link #refresh(String)}. A user the host no longer knows is deactivated. On first sight a member also gets a
 * unique handle for {@code @mentions}, derived from the display name ({@code "José Díaz"} becomes {@code jose_diaz},
 * or {@code jose_diaz2} when that is taken); the handle stays when the display name changes. Thread-safe.
 */
public final class Members {
  /** The reputation every member starts with. */
  public static final long INITIAL_REPUTATION = 1;

  private final CommunityContext context;
  private final IdentityProvider identity;
  private final LoadingCache<String, Optional<Identity>> identities;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param identity the host's identity provider
   * @param identityTtl how long an identity look-up is trusted
   * @param identityCacheSize how many identities are cached at most
   */
  public Members(CommunityContext context, IdentityProvider identity, Duration identityTtl, long identityCacheSize) {
    this.context = requireNonNull(context, "context");
    this.identity = requireNonNull(identity, "identity");
    this.identities = Caffeine.newBuilder()
        .maximumSize(identityCacheSize)
        .expireAfterWrite(requireNonNull(identityTtl, "identityTtl"))
        .recordStats()
        .build(this.identity::lookup);
  }

  /**
   * Resolves a host user id to the member acting for it, creating or updating the member as the host's identity
   * provider describes the user.
   *
   * @param userId the id of the user the host authenticated
   * @return the actor handle to pass to commands
   * @throws NotFoundException if the host does not know the user (an existing member is then deactivated)
   * @throws PermissionDeniedException if the member was erased
   */
  public Actor actor(String userId) {
    requireNonNull(userId, "userId");
    Optional<Identity> known = identities.get(userId);
    if (known.isEmpty()) {
      deactivate(userId);
      throw new NotFoundException("user", userId);
    }
    Identity user = known.get();
    Member member = context.commands().run("member.sync", () -> sync(user));
    if (member.status() == MemberStatus.ERASED) {
      throw new PermissionDeniedException("act", "member " + member.id() + " was erased");
    }
    return new Actor(member.id(), userId);
  }

  /**
   * Forgets the cached identity of a user and resolves it again, so that a profile change in the host takes effect at
   * once.
   *
   * @param userId the host user id
   * @return the actor handle, as {@link #actor(String)} returns it
   */
  public Actor refresh(String userId) {
    identities.invalidate(requireNonNull(userId, "userId"));
    return actor(userId);
  }

  /**
   * @param id a member
   * @return the member as other members see them, if it exists
   */
  public Optional<AuthorRef> profile(MemberId id) {
    return context.commands().run("member.profile",
        () -> context.store().members().find(id).map(member -> AuthorRef.of(member, false)));
  }

  private Member sync(Identity user) {
    Instant now = context.commands().now();
    Optional<Member> existing = context.store().members().findByExternalId(user.userId());
    if (existing.isEmpty()) {
      Member created = context.store().members()
          .insert(new NewMember(user.userId(), user.profile(), INITIAL_REPUTATION, now,
              Handles.unique(context.store().members(), user.profile().displayName())));
      context.events().append(new MemberEvent.Joined(created.id().value(), user.userId()), now);
      return created;
    }
    Member member = existing.get();
    if (member.status() == MemberStatus.ERASED) {
      return member;
    }
    if (!member.profile().equals(user.profile())) {
      context.store().members().updateProfile(member.id(), user.profile());
      context.events().append(new MemberEvent.ProfileChanged(member.id().value()), now);
    }
    if (member.status() == MemberStatus.DEACTIVATED) {
      context.store().members().updateStatus(member.id(), MemberStatus.ACTIVE);
    }
    return context.store().members().find(member.id()).orElseThrow();
  }

  private void deactivate(String userId) {
    context.commands().run("member.deactivate", () -> {
      context.store().members().findByExternalId(userId)
          .filter(member -> member.status() == MemberStatus.ACTIVE)
          .ifPresent(member -> {
            context.store().members().updateStatus(member.id(), MemberStatus.DEACTIVATED);
            context.events().append(new MemberEvent.Deactivated(member.id().value()), context.commands().now());
          });
      return null;
    });
  }
}
