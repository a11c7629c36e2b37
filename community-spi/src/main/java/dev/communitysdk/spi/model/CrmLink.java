package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A member's link to their record in the host's CRM: the contact their activity is recorded on, and the customer
 * account the contact belongs to.
 *
 * @param memberId the member
 * @param contactId the CRM's contact id; 1 to {@link #MAX_ID} characters, not blank
 * @param accountId the CRM's account id, if the contact belongs to one; 1 to {@link #MAX_ID} characters, not blank
 * @param manual whether an admin set the link, rather than the community on first sight of the member
 * @param linkedAt when the link was made
 */
public record CrmLink(MemberId memberId, String contactId, Optional<String> accountId, boolean manual,
    Instant linkedAt) {
  /** The longest contact or account id a store must keep. */
  public static final int MAX_ID = 200;

  /** Checks the fields. */
  public CrmLink {
    requireNonNull(memberId, "memberId");
    checkId(contactId, "contactId");
    requireNonNull(accountId, "accountId").ifPresent(id -> checkId(id, "accountId"));
    Checks.instant(linkedAt, "linkedAt");
  }

  private static void checkId(String id, String field) {
    Checks.notBlank(id, field);
    if (id.length() > MAX_ID) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_ID + " characters, was " + id.length());
    }
  }
}
