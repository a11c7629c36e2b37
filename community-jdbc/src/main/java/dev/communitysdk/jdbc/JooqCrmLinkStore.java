package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_CRM_LINK;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmCrmLinkRecord;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.CrmLinkStore;
import java.util.Optional;

/**
 * CRM links in {@code cm_crm_link}, keyed by member. Putting a link updates the member's row, or inserts it when there
 * is none; an insert that loses a race to another raises the duplicate key the command runner retries.
 */
final class JooqCrmLinkStore implements CrmLinkStore {
  private final JooqTransactor tx;

  JooqCrmLinkStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void put(CrmLink link) {
    requireNonNull(link, "link");
    CmCrmLinkRecord row = new CmCrmLinkRecord();
    row.setMemberId(link.memberId().value());
    row.setContactId(link.contactId());
    row.setAccountId(link.accountId().orElse(null));
    row.setManual(link.manual());
    row.setLinkedAt(Times.truncate(link.linkedAt()));
    tx.call("put cm_crm_link(member_id)", dsl -> {
      // Asks first rather than counting updated rows: MariaDB counts only rows that changed when the host's
      // connection sets useAffectedRows, and the same link put twice changes nothing.
      if (dsl.fetchExists(CM_CRM_LINK, CM_CRM_LINK.MEMBER_ID.eq(row.getMemberId()))) {
        dsl.update(CM_CRM_LINK).set(row).where(CM_CRM_LINK.MEMBER_ID.eq(row.getMemberId())).execute();
      } else {
        dsl.insertInto(CM_CRM_LINK).set(row).execute();
      }
      return null;
    });
  }

  @Override
  public Optional<CrmLink> find(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("find crm link", dsl -> dsl.selectFrom(CM_CRM_LINK)
        .where(CM_CRM_LINK.MEMBER_ID.eq(memberId.value()))
        .fetchOptional(JooqCrmLinkStore::toLink));
  }

  @Override
  public boolean delete(MemberId memberId) {
    requireNonNull(memberId, "memberId");
    return tx.call("delete crm link", dsl -> dsl.deleteFrom(CM_CRM_LINK)
        .where(CM_CRM_LINK.MEMBER_ID.eq(memberId.value()))
        .execute()) == 1;
  }

  private static CrmLink toLink(CmCrmLinkRecord r) {
    return new CrmLink(new MemberId(r.getMemberId()), r.getContactId(), Optional.ofNullable(r.getAccountId()),
        r.getManual(), r.getLinkedAt());
  }
}
