package dev.communitysdk.spi.crm;

import java.util.Optional;

/**
 * The host's CRM, as the community needs it: link members to contacts, read customer profiles, record activity, open
 * and update support cases, push account health.
 * Called only from the outbox relay and from cached profile lookups, never inside a command's transaction; every
 * write carries an idempotency key. Implementations are thread-safe and may do I/O; a failure is retried later.
 */
public interface CrmConnector {
  /**
   * Finds or creates the CRM contact for a community member.
   *
   * @param userId the host user id
   * @param email the member's e-mail, if known
   * @param customerAccountId the customer account id the identity provider gave, if any
   * @return the contact, or empty when the CRM keeps no contact for this user
   */
  Optional<CrmContact> linkContact(String userId, Optional<String> email, Optional<String> customerAccountId);

  /** @return the account's profile, if the CRM knows the account */
  Optional<CustomerProfile> customerProfile(String accountId);

  /** @param activity the activity to record; repeated keys are ignored by the CRM */
  void recordActivity(CrmActivity activity);

  /**
   * Opens a support case for an escalated question, or returns the case already opened for the request's key.
   *
   * @param request the escalated question
   * @return the case id, or empty when this CRM keeps no support cases
   */
  Optional<String> openCase(SupportCaseRequest request);

  /** @param update what happened to the case's topic; repeated keys are ignored by the CRM */
  void updateCase(SupportCaseUpdate update);

  /**
   * Records a customer account's sentiment trend or spike alert on the account.
   *
   * @param health the account's health; repeated keys are ignored by the CRM
   */
  void pushAccountHealth(AccountHealth health);

  /** @return a connector for hosts without a CRM: links nothing, knows no account, records nothing */
  static CrmConnector noop() {
    return NoCrm.INSTANCE;
  }
}
