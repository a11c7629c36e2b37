package dev.communitysdk.spi.crm;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A member's record in the CRM.
 *
 * @param contactId the CRM's contact id
 * @param accountId the CRM's account (company) id, if the contact belongs to one
 */
public record CrmContact(String contactId, Optional<String> accountId) {
  /** Checks the fields. */
  public CrmContact {
    requireNonNull(contactId, "contactId");
    requireNonNull(accountId, "accountId");
  }
}
