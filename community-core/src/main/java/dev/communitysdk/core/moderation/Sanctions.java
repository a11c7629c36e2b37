package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.MemberEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSanction;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Sanction;
import dev.communitysdk.spi.model.SanctionKind;

/**
 * Moderators' sanctions of members. While a sanction is in force, every command of the member is refused with a
 * {@link PermissionDeniedException} that says which sanction holds and until when; a silenced member may still read,
 * a suspended or banned one may not. Sanctions end by themselves at their end (by the community's clock), or when a
 * moderator lifts them. Nothing is ever deleted: {@link #history} is the audit of who sanctioned whom, when and why,
 * and who lifted it.
 *
 * <p>Moderators and admins only; nobody sanctions themselves, and only an admin sanctions an admin. Thread-safe.
 */
public final class Sanctions {
  private final CommunityContext context;

  Sanctions(CommunityContext context) {
    this.context = context;
  }

  /**
   * Silences a member for a while: they may read, but not post, vote or flag.
   *
   * @param actor a moderator
   * @param memberId the member
   * @param duration how long, positive
   * @param reason why, 1 to 500 characters
   * @return the sanction
   * @throws ValidationException if the duration or reason breaks its rule
   */
  public Sanction silence(Actor actor, MemberId memberId, Duration duration, String reason) {
    return impose(actor, memberId, SanctionKind.SILENCE, Optional.of(positive(duration)), reason);
  }

  /**
   * Suspends a member: they may neither read nor act.
   *
   * @param actor a moderator
   * @param memberId the member
   * @param duration how long, positive; empty until lifted
   * @param reason why, 1 to 500 characters
   * @return the sanction
   */
  public Sanction suspend(Actor actor, MemberId memberId, Optional<Duration> duration, String reason) {
    requireNonNull(duration, "duration");
    return impose(actor, memberId, SanctionKind.SUSPEND, duration.map(Sanctions::positive), reason);
  }

  /**
   * Bans a member until a moderator lifts the ban.
   *
   * @param actor a moderator
   * @param memberId the member
   * @param reason why, 1 to 500 characters
   * @return the sanction
   */
  public Sanction ban(Actor actor, MemberId memberId, String reason) {
    return impose(actor, memberId, SanctionKind.BAN, Optional.empty(), reason);
  }

  /**
   * Lifts every sanction of the member that is in force.
   *
   * @param actor a moderator
   * @param memberId the member
   * @param reason why, 1 to 500 characters
   * @return how many sanctions were lifted
   * @throws ConflictException if none is in force (rule {@code sanction.none})
   */
  public int lift(Actor actor, MemberId memberId, String reason) {
    InputRules.reason("reason", reason);
    return context.commands().run("member.lift-sanctions", () -> {
      Member moderator = target(actor, memberId, "member.lift-sanctions");
      Instant now = context.commands().now();
      int lifted = context.store().sanctions().lift(memberId, moderator.id(), reason, now);
      if (lifted == 0) {
        throw new ConflictException("sanction.none", "member " + memberId + " has no sanction in force");
      }
      context.events().append(new MemberEvent.SanctionsLifted(memberId.value(), moderator.id().value(), lifted,
          reason), now);
      context.audit().record(moderator, "member.lift-sanctions", memberId, reason);
      return lifted;
    });
  }

  /**
   * @param actor a moderator
   * @param memberId a member
   * @return every sanction of the member, in force, expired or lifted, newest first
   */
  public List<Sanction> history(Actor actor, MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return context.commands().run("member.sanctions", () -> {
      Member reader = context.reader(actor);
      context.policy().requireModerator(reader, "member.sanctions");
      context.store().members().find(memberId).orElseThrow(() -> new NotFoundException("member", memberId));
      return context.store().sanctions().list(memberId);
    });
  }

  private Sanction impose(Actor actor, MemberId memberId, SanctionKind kind, Optional<Duration> duration,
      String reason) {
    InputRules.reason("reason", reason);
    String action = "member." + kind.name().toLowerCase(java.util.Locale.ROOT);
    return context.commands().run(action, () -> {
      Member moderator = target(actor, memberId, action);
      Instant now = context.commands().now();
      Sanction sanction = context.store().sanctions().insert(
          new NewSanction(memberId, kind, reason, moderator.id(), now, duration.map(now::plus)));
      context.events().append(new MemberEvent.Sanctioned(memberId.value(), sanction.id().value(), kind.name(),
          moderator.id().value(), sanction.endsAt().map(Instant::toString).orElse(null), reason), now);
      context.audit().record(moderator, action, Optional.of(memberId), "sanction", sanction.id().value(), reason);
      return sanction;
    });
  }

  /** @return the acting moderator, once checked that they may sanction the member */
  private Member target(Actor actor, MemberId memberId, String action) {
    requireNonNull(memberId, "memberId");
    Member moderator = context.acting(actor, action);
    context.policy().requireModerator(moderator, action);
    Member member = context.store().members().find(memberId)
        .orElseThrow(() -> new NotFoundException("member", memberId));
    if (member.id().equals(moderator.id())) {
      throw new PermissionDeniedException(action, "nobody sanctions themselves");
    }
    if (member.has(Role.ADMIN) && !moderator.has(Role.ADMIN)) {
      throw new PermissionDeniedException(action, "only admins sanction admins");
    }
    return moderator;
  }

  private static Duration positive(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new ValidationException("duration", "must be positive", duration.toString());
    }
    return duration;
  }
}
