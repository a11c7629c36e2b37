package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewAuditEntry;
import dev.communitysdk.spi.storage.AuditLog;

/**
 * Appends audit entries inside the running command, stamped with the command clock, so that a privileged action and
 * its audit row commit or roll back together. Reached through {@link CommunityContext#audit()}. Not API.
 *
 * <pre>{@code
 * context.audit().record(moderator, "author.reveal", Optional.of(author.id()), "post", post.id().value(), reason);
 * }</pre>
 */
public final class AuditTrail {
  private final AuditLog log;
  private final Commands commands;

  /**
   * @param log the store's audit log
   * @param commands the command runner, for the time
   */
  public AuditTrail(AuditLog log, Commands commands) {
    this.log = requireNonNull(log, "log");
    this.commands = requireNonNull(commands, "commands");
  }

  /**
   * @param actor who acted
   * @param action what was done, such as {@code "author.reveal"}
   * @param subject the member it was about, if any
   * @param targetType the kind of thing acted on, such as {@code "post"}
   * @param targetId its id
   * @param detail the reason or detail, at most {@value NewAuditEntry#MAX_DETAIL} characters; may be empty
   * @return the stored entry
   */
  public AuditEntry record(Member actor, String action, Optional<MemberId> subject, String targetType, long targetId,
      String detail) {
    return log.append(new NewAuditEntry(actor.id(), action, subject, Optional.of(targetType), Optional.of(targetId),
        detail, commands.now()));
  }

  /**
   * An entry about a member as a whole, with no other target.
   *
   * @param actor who acted
   * @param action what was done, such as {@code "member.erase"}
   * @param subject the member it was about
   * @param detail the reason or detail; may be empty
   * @return the stored entry
   */
  public AuditEntry record(Member actor, String action, MemberId subject, String detail) {
    return log.append(new NewAuditEntry(actor.id(), action, Optional.of(subject), Optional.empty(), Optional.empty(),
        detail, commands.now()));
  }
}
