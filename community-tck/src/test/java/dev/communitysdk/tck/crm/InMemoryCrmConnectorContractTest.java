package dev.communitysdk.tck.crm;

import java.util.List;

import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.crm.SupportCaseUpdate;
import dev.communitysdk.tck.fixtures.InMemoryCrm;

/** The in-memory recording CRM passes the CRM connector contract. */
class InMemoryCrmConnectorContractTest extends CrmConnectorContract {
  @Override
  protected CrmConnector newConnector(List<CustomerProfile> accounts) {
    InMemoryCrm crm = InMemoryCrm.create();
    accounts.forEach(a -> crm.account(a.accountId(), a.tier(), a.weight(), a.productsOwned().toArray(String[]::new)));
    return crm;
  }

  @Override
  protected List<CrmActivity> activities(CrmConnector connector) {
    return ((InMemoryCrm) connector).activities();
  }

  @Override
  protected List<SupportCaseUpdate> caseUpdates(CrmConnector connector) {
    return ((InMemoryCrm) connector).caseUpdates();
  }

  @Override
  protected List<AccountHealth> accountHealth(CrmConnector connector) {
    return ((InMemoryCrm) connector).accountHealth();
  }
}
