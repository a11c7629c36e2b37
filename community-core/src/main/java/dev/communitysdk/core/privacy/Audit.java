package dev.communitysdk.core.privacy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.AuditLog;

/**
 * The audit log as moderators and admins read it: every reveal of an anonymous author, every erasure and every
 * sanction, newest first, about one member or by one member. Entries name members by id only; once a member is erased,
 * nothing in the log holds their name, e-mail or host user id. Thread-safe.
 */
public final class Audit {
  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public Audit(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * @param actor a moderator or an admin
   * @param subjectId the member the entries are about
   * @param beforeId the smallest entry id of the previous page, if any
   * @param limit the page size, 1 to 500
   * @return the entries about the member, newest first
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is neither moderator nor admin
   */
  public List<AuditEntry> about(Actor actor, MemberId subjectId, Optional<Long> beforeId, int limit) {
    requireNonNull(subjectId, "subjectId");
    requireNonNull(beforeId, "beforeId");
    int checked = InputRules.pageSize("limit", limit, AuditLog.MAX_LIMIT);
    return context.commands().run("audit.read", () -> {
      context.policy().requireModerator(context.reader(actor), "audit.read");
      return context.store().audit().listBySubject(subjectId, beforeId, checked);
    });
  }

  /**
   * @param actor a moderator or an admin
   * @param actorId the member who acted
   * @param beforeId the smallest entry id of the previous page, if any
   * @param limit the page size, 1 to 500
   * @return the entries of what the member did, newest first
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is neither moderator nor admin
   */
  public List<AuditEntry> by(Actor actor, MemberId actorId, Optional<Long> beforeId, int limit) {
    requireNonNull(actorId, "actorId");
    requireNonNull(beforeId, "beforeId");
    int checked = InputRules.pageSize("limit", limit, AuditLog.MAX_LIMIT);
    return context.commands().run("audit.read", () -> {
      context.policy().requireModerator(context.reader(actor), "audit.read");
      return context.store().audit().listByActor(actorId, beforeId, checked);
    });
  }
}
