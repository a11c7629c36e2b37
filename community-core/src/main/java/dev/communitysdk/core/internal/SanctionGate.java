package dev.communitysdk.core.internal;

import java.time.Instant;
import java.util.List;

import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.Sanction;
import dev.communitysdk.spi.model.SanctionKind;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * Keeps sanctioned members out, with one indexed read of their sanctions in force: a silenced member may read but
 * runs no command; a suspended or banned member may do neither. Not API.
 */
final class SanctionGate {
  private SanctionGate() {}

  /**
   * @param store the store
   * @param member the member about to read or act
   * @param action the action, for the message
   * @param reading whether the member only reads, which silence allows
   * @param now the community's time
   * @throws PermissionDeniedException naming the sanction and until when it holds, if one in force forbids it
   */
  static void requireFree(CommunityStore store, Member member, String action, boolean reading, Instant now) {
    List<Sanction> active = store.sanctions().active(member.id(), now);
    for (Sanction sanction : active) {
      if (!reading || sanction.kind() != SanctionKind.SILENCE) {
        throw new PermissionDeniedException(action, "member " + member.id() + " is " + describe(sanction.kind())
            + sanction.endsAt().map(end -> " until " + end).orElse(" until the sanction is lifted")
            + ": " + sanction.reason());
      }
    }
  }

  private static String describe(SanctionKind kind) {
    return switch (kind) {
      case SILENCE -> "silenced";
      case SUSPEND -> "suspended";
      case BAN -> "banned";
    };
  }
}
