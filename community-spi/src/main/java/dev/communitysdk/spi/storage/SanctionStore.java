package dev.communitysdk.spi.storage;

import java.time.Instant;
import java.util.List;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewSanction;
import dev.communitysdk.spi.model.Sanction;

/**
 * Stores moderators' sanctions of members. Rows are never deleted: lifting a sanction records who lifted it, when
 * and why, so the table is the audit of every sanction. Thread-safe; every call joins the caller's transaction.
 */
public interface SanctionStore {
  /**
   * @param sanction the sanction to store
   * @return the stored sanction, not lifted
   */
  Sanction insert(NewSanction sanction);

  /**
   * The sanctions in force: one indexed read, made before every command.
   *
   * @param memberId a member
   * @param at a moment
   * @return the member's sanctions that are {@link Sanction#activeAt active} then, oldest first
   */
  List<Sanction> active(MemberId memberId, Instant at);

  /**
   * Lifts every sanction of the member that is in force at {@code at}.
   *
   * @param memberId the member
   * @param liftedBy the moderator
   * @param reason why
   * @param at when
   * @return how many sanctions were lifted
   */
  int lift(MemberId memberId, MemberId liftedBy, String reason, Instant at);

  /**
   * @param memberId a member
   * @return every sanction of the member, lifted, expired or in force, newest first
   */
  List<Sanction> list(MemberId memberId);
}
