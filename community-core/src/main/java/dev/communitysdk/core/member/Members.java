package dev.communitysdk.core.member;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.MemberEvent;
import dev.communitysdk.core.internal.ClockTicker;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.CustomerProfiles;
import dev.communitysdk.core.privacy.ErasureMode;
import dev.communitysdk.core.privacy.MemberErasure;
import dev.communitysdk.core.privacy.MemberExport;
import dev.communitysdk.core.privacy.Pseudonyms;
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
 * user's id; the member's profile (name, roles, customer account...) follows the host's on the next look-up after the
 * identity cache's TTL, or at once through {@link #refresh(String)}; the TTL is measured on the community's clock. A
 * user the host no longer knows is deactivated on the next look-up that misses them, and active again once the host
 * knows them again. On first sight a member also gets a unique handle for {@code @mentions}, derived from the display
 * name ({@code "José Díaz"} becomes {@code jose_diaz}, or {@code jose_diaz2} when that is taken); the handle stays
 * when the display name changes.
 *
 * <p>A member's own data can be exported ({@link #export}) and erased ({@link #erase}). Erasure replaces the host user
 * id by a salted hash, so the member can no longer be found by it: if the host later presents the same user id, it
 * becomes a fresh member, with nothing linking it to the erased one. Thread-safe.
 */
public final class Members {
  /** The reputation every member starts with. */
  public static final long INITIAL_REPUTATION = 1;

  private final CommunityContext context;
  private final IdentityProvider identity;
  private final LoadingCache<String, Optional<Identity>> identities;
  private final CustomerProfiles customerProfiles;
  private final MemberExport export;
  private final MemberErasure erasure;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param identity the host's identity provider
   * @param identityTtl how long an identity look-up is trusted
   * @param identityCacheSize how many identities are cached at most
   * @param customerProfiles the cache of CRM profiles, which an erasure evicts
   * @param pseudonyms the salted hash that replaces an erased member's host user id
   */
  public Members(CommunityContext context, IdentityProvider identity, Duration identityTtl, long identityCacheSize,
      CustomerProfiles customerProfiles, Pseudonyms pseudonyms) {
    this.context = requireNonNull(context, "context");
    this.customerProfiles = requireNonNull(customerProfiles, "customerProfiles");
    this.export = new MemberExport(context);
    this.erasure = new MemberErasure(context, pseudonyms);
    this.identity = requireNonNull(identity, "identity");
    this.identities = Caffeine.newBuilder()
        .maximumSize(identityCacheSize)
        .expireAfterWrite(requireNonNull(identityTtl, "identityTtl"))
        // The TTL runs on the community's clock, as every other time rule does, so a host (or a test) that moves the
        // clock sees cached identities expire with it.
        .ticker(ClockTicker.of(context.commands()::now))
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

  /**
   * Exports a member's data as JSON: profile, posts (anonymous ones included) with their revisions, reviews, votes on
   * posts and ideas, reputation history and the flags they raised. Nothing another member wrote is included.
   *
   * @param actor the member themself, or an admin
   * @param memberId the member
   * @return a JSON object; {@code format} is {@value MemberExport#FORMAT}
   * @throws PermissionDeniedException if the actor is someone else and not an admin
   * @throws NotFoundException if the member does not exist
   */
  public String export(Actor actor, MemberId memberId) {
    return export.export(requireNonNull(actor, "actor"), memberId);
  }

  /**
   * Erases a member in one transaction: their profile's personal data goes (they show as "Former member"), their host
   * user id is replaced by a salted hash, events not yet delivered that carry their data are scrubbed, their personal
   * data leaves the details of the audit entries about them or by them, and their content is kept or deleted as
   * {@code mode} says. The erasure is audited under the salted hash only, and a {@code member.erased} event carrying
   * no personal data is published. After commit, the identity and CRM profile caches forget the member.
   *
   * @param actor an admin
   * @param memberId the member to erase
   * @param mode whether their content stays (as a former member's) or is deleted
   * @throws PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if the member does not exist
   * @throws dev.communitysdk.spi.error.ConflictException if the member is already erased (rule {@code member.status})
   */
  public void erase(Actor actor, MemberId memberId, ErasureMode mode) {
    MemberErasure.Erased erased = erasure.erase(requireNonNull(actor, "actor"), memberId, mode);
    identities.invalidate(erased.userId());
    erased.customerAccountId().ifPresent(customerProfiles::evict);
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
    if (!member.profile().equals(user.profile())) {
      context.store().members().updateProfile(member.id(), user.profile());
      context.events().append(new MemberEvent.ProfileChanged(member.id().value()), now);
    }
    if (member.status() == MemberStatus.DEACTIVATED) {
      context.store().members().updateStatus(member.id(), MemberStatus.ACTIVE);
      context.events().append(new MemberEvent.Reactivated(member.id().value()), now);
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
