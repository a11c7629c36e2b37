package dev.communitysdk.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CrmContact;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.crm.SupportCaseRequest;
import dev.communitysdk.spi.crm.SupportCaseUpdate;

/**
 * Stands in for the host's CRM in the quickstart: it knows a few customer accounts, their tiers, weights and the
 * products they own. A real host calls its CRM's API here; the SDK caches what it reads.
 */
final class HostCrm implements CrmConnector {
  private static final Logger LOG = LoggerFactory.getLogger(HostCrm.class);

  private final Map<String, CustomerProfile> accounts = new LinkedHashMap<>();
  private final Map<String, String> casesByKey = new LinkedHashMap<>();

  HostCrm account(String accountId, String tier, double weight, String... productsOwned) {
    accounts.put(accountId, new CustomerProfile(accountId, tier, Set.of(productsOwned), weight));
    return this;
  }

  @Override
  public Optional<CrmContact> linkContact(String userId, Optional<String> email, Optional<String> customerAccountId) {
    return Optional.of(new CrmContact("contact-" + userId, customerAccountId));
  }

  @Override
  public synchronized Optional<CustomerProfile> customerProfile(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  @Override
  public void recordActivity(CrmActivity activity) {
    // The quickstart's CRM keeps no activity log.
  }

  @Override
  public synchronized Optional<String> openCase(SupportCaseRequest request) {
    return Optional.of(casesByKey.computeIfAbsent(request.idempotencyKey(), key -> "CASE-" + (1000 + casesByKey.size())));
  }

  @Override
  public void updateCase(SupportCaseUpdate update) {
    // The quickstart's CRM keeps no case history.
  }

  @Override
  public void pushAccountHealth(AccountHealth health) {
    // A real CRM would update the account's health score; the quickstart shows what it would receive.
    LOG.info("Account {} health {}..{}: mean {} ({} posts), before {} ({} posts){}", health.accountId(),
        health.periodStart(), health.periodEnd(), health.averageSentiment(), health.samples(),
        health.previousAverage(), health.previousSamples(), health.spike().map(s -> "; alert: " + s).orElse(""));
  }
}
