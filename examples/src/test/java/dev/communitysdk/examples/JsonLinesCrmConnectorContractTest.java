package dev.communitysdk.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;

import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.crm.SupportCaseUpdate;
import dev.communitysdk.tck.crm.CrmConnectorContract;

/** The JSON Lines CRM passes the CRM connector contract, across reopenings of its file. */
class JsonLinesCrmConnectorContractTest extends CrmConnectorContract {
  @TempDir
  Path folder;

  private Function<String, Optional<CustomerProfile>> accounts = id -> Optional.empty();

  @Override
  protected CrmConnector newConnector(List<CustomerProfile> profiles) {
    Map<String, CustomerProfile> byId = profiles.stream()
        .collect(Collectors.toMap(CustomerProfile::accountId, Function.identity()));
    accounts = id -> Optional.ofNullable(byId.get(id));
    return JsonLinesCrm.open(folder.resolve("crm.jsonl"), accounts);
  }

  @Override
  protected CrmConnector reopen(CrmConnector connector) {
    return JsonLinesCrm.open(folder.resolve("crm.jsonl"), accounts);
  }

  @Override
  protected List<CrmActivity> activities(CrmConnector connector) {
    return ((JsonLinesCrm) connector).activities();
  }

  @Override
  protected List<SupportCaseUpdate> caseUpdates(CrmConnector connector) {
    return ((JsonLinesCrm) connector).caseUpdates();
  }

  @Override
  protected List<AccountHealth> accountHealth(CrmConnector connector) {
    return ((JsonLinesCrm) connector).accountHealth();
  }
}
