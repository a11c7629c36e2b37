package dev.communitysdk.spi.crm;

import java.util.Optional;

/** The connector of a host without a CRM. */
enum NoCrm implements CrmConnector {
  INSTANCE;

  @Override
  public Optional<CrmContact> linkContact(
      String userId, Optional<String> email, Optional<String> customerAccountId) {
    return Optional.empty();
  }

  @Override
  public Optional<CustomerProfile> customerProfile(String accountId) {
    return Optional.empty();
  }

  @Override
  public void recordActivity(CrmActivity activity) {
    // A host without a CRM keeps no record of activity.
  }

  @Override
  public Optional<String> openCase(SupportCaseRequest request) {
    return Optional.empty();
  }

  @Override
  public void updateCase(SupportCaseUpdate update) {
    // A host without a CRM keeps no support cases.
  }

  @Override
  public void pushAccountHealth(AccountHealth health) {
    // A host without a CRM keeps no account health.
  }
}
