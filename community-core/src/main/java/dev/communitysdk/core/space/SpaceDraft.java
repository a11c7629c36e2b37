package dev.communitysdk.core.space;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.SpaceRules;
import dev.communitysdk.spi.model.Visibility;

/**
 * A space to create. Start from {@link #of(String, String, SpaceKind)} (public, auto-moderated, no anonymity) and
 * change what differs with the {@code with…} methods. Validated when the space is created.
 *
 * @param slug a short unique name, {@code [a-z0-9-]}
 * @param name the display name
 * @param description what the space is for
 * @param kind what the space holds
 * @param visibility who may read it
 * @param moderationMode whether new posts wait for approval
 * @param allowAnonymous whether members may post anonymously
 * @param access for {@link Visibility#RESTRICTED}: the roles, customer accounts and tiers that may read it; empty for
 *     other visibilities
 * @param rules idea voting and review rules; {@link SpaceRules#DEFAULT} unless changed
 * @param escalationSla for {@link SpaceKind#QUESTIONS}: how long a question may stay unanswered before it is
 *     escalated to a CRM support case; empty (the default) for never. Whole seconds, at least 1 second and at most
 *     365 days; admins change it later with {@code Community.escalations().setSla}.
 */
public record SpaceDraft(
    String slug, String name, String description, SpaceKind kind, Visibility visibility,
    ModerationMode moderationMode, boolean allowAnonymous, SpaceAccess access, SpaceRules rules,
    Optional<Duration> escalationSla) {
  /** Checks that no field is null. */
  public SpaceDraft {
    requireNonNull(slug, "slug");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(kind, "kind");
    requireNonNull(visibility, "visibility");
    requireNonNull(moderationMode, "moderationMode");
    requireNonNull(access, "access");
    requireNonNull(rules, "rules");
    requireNonNull(escalationSla, "escalationSla");
  }

  /**
   * @param slug a short unique name
   * @param name the display name
   * @param kind what the space holds
   * @return a public, auto-moderated space without anonymity, description or escalation service level
   */
  public static SpaceDraft of(String slug, String name, SpaceKind kind) {
    return new SpaceDraft(slug, name, "", kind, Visibility.PUBLIC,
        ModerationMode.AUTO, false, SpaceAccess.NONE, SpaceRules.DEFAULT, Optional.empty());
  }

  /** @return this draft with the description */
  public SpaceDraft withDescription(String newDescription) {
    return new SpaceDraft(slug, name, newDescription, kind, visibility,
        moderationMode, allowAnonymous, access, rules, escalationSla);
  }

  /** @return this draft readable only by members holding one of the roles (moderators and admins always can) */
  public SpaceDraft restrictedTo(Set<Role> roles) {
    return restrictedTo(SpaceAccess.roles(roles));
  }

  /**
   * @param newAccess the roles, customer accounts and tiers admitted
   * @return this draft readable only by the members the access admits (moderators and admins always can)
   */
  public SpaceDraft restrictedTo(SpaceAccess newAccess) {
    return new SpaceDraft(slug, name, description, kind, Visibility.RESTRICTED,
        moderationMode, allowAnonymous, newAccess, rules, escalationSla);
  }

  /**
   * @return this draft readable only by the members an admin adds to it with {@link Spaces#addMember} (moderators and
   *     admins always can)
   */
  public SpaceDraft privateToMembers() {
    return new SpaceDraft(slug, name, description, kind, Visibility.PRIVATE,
        moderationMode, allowAnonymous, SpaceAccess.NONE, rules, escalationSla);
  }

  /** @return this draft with the visibility, keeping the access */
  public SpaceDraft withVisibility(Visibility newVisibility) {
    return new SpaceDraft(slug, name, description, kind, newVisibility,
        moderationMode, allowAnonymous, access, rules, escalationSla);
  }

  /** @return this draft with the moderation mode */
  public SpaceDraft withModeration(ModerationMode mode) {
    return new SpaceDraft(slug, name, description, kind, visibility, mode, allowAnonymous, access, rules,
        escalationSla);
  }

  /** @return this draft of an ideas space letting members vote ideas down as well as up */
  public SpaceDraft withIdeaDownVotes() {
    return withRules(new SpaceRules(true, rules.ideaVoteBudget(), rules.verifiedReviewsOnly()));
  }

  /**
   * @param budget how many open ideas a member may vote on at once, at least 1
   * @return this draft of an ideas space with a vote budget per member
   * @throws ValidationException if the budget is below 1
   */
  public SpaceDraft withIdeaVoteBudget(int budget) {
    if (budget < 1) {
      throw new ValidationException("ideaVoteBudget", "min:1", budget);
    }
    return withRules(new SpaceRules(rules.ideaDownVotes(), Optional.of(budget), rules.verifiedReviewsOnly()));
  }

  /** @return this draft of a reviews space where only verified owners of a product may review it */
  public SpaceDraft withVerifiedReviewsOnly() {
    return withRules(new SpaceRules(rules.ideaDownVotes(), rules.ideaVoteBudget(), true));
  }

  private SpaceDraft withRules(SpaceRules newRules) {
    return new SpaceDraft(slug, name, description, kind, visibility, moderationMode, allowAnonymous, access,
        newRules, escalationSla);
  }

  /** @return this draft with anonymous posting allowed or not */
  public SpaceDraft withAnonymousPosting(boolean allowed) {
    return new SpaceDraft(slug, name, description, kind, visibility, moderationMode, allowed, access, rules,
        escalationSla);
  }

  /**
   * @param sla how long a question in this questions space may stay unanswered before it is escalated to a CRM
   *     support case; checked when the space is created
   * @return this draft with the escalation service level
   */
  public SpaceDraft withEscalationSla(Duration sla) {
    return new SpaceDraft(slug, name, description, kind, visibility, moderationMode, allowAnonymous, access, rules,
        Optional.of(requireNonNull(sla, "sla")));
  }
}
