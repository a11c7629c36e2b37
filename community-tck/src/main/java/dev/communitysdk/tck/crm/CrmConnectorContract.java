package dev.communitysdk.tck.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CrmContact;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.crm.SupportCaseRequest;
import dev.communitysdk.spi.crm.SupportCaseUpdate;

/**
 * The CRM connector contract: what the community relies on when its relay calls a {@link CrmConnector} at least once
 * per event. Links are idempotent per user; activities, case updates and account health pushes are taken once per
 * idempotency key; a repeated case request returns the case it opened; profiles are read back as the CRM knows them.
 * Every guarantee also holds after the connector is opened again on the same records, as after a restart.
 *
 * <p>An adapter's test extends this class in a few lines: make a connector that knows the given accounts, open it
 * again, and say what it recorded.
 */
public abstract class CrmConnectorContract {
  /** The accounts every test's connector knows. */
  protected static final List<CustomerProfile> ACCOUNTS = List.of(
      new CustomerProfile("acme", "gold", Set.of("router-x1", "switch-s2"), 3.5),
      new CustomerProfile("globex", "silver", Set.of(), 1));

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  private CrmConnector crm;

  /** For adapters' tests. */
  protected CrmConnectorContract() {}

  /**
   * @param accounts the customer accounts the CRM must know
   * @return a connector over fresh, empty records; called before every test
   */
  protected abstract CrmConnector newConnector(List<CustomerProfile> accounts);

  /**
   * @param connector the test's connector
   * @return a connector over the same records, as after a restart of the host; the default, for a CRM that lives
   *     outside the host, is the connector itself
   */
  protected CrmConnector reopen(CrmConnector connector) {
    return connector;
  }

  /**
   * @param connector a connector of this test
   * @return the activities the CRM recorded, in the order it took them
   */
  protected abstract List<CrmActivity> activities(CrmConnector connector);

  /**
   * @param connector a connector of this test
   * @return the case updates the CRM recorded, in the order it took them
   */
  protected abstract List<SupportCaseUpdate> caseUpdates(CrmConnector connector);

  /**
   * @param connector a connector of this test
   * @return the account health the CRM recorded, in the order it took it
   */
  protected abstract List<AccountHealth> accountHealth(CrmConnector connector);

  @BeforeEach
  void openConnector() {
    crm = newConnector(ACCOUNTS);
  }

  private static CrmActivity activity(String key, String contactId) {
    return new CrmActivity(key, contactId, "post.replied", "Replied in \"Router drops Wi-Fi\"", AT);
  }

  private static SupportCaseRequest caseRequest(String key) {
    return new SupportCaseRequest(key, Optional.of("contact-1"), Optional.of("acme"), 42,
        "Router drops Wi-Fi every hour", "Since the update it drops every hour.", "sla", AT);
  }

  private static AccountHealth health(String key, Optional<String> spike) {
    return new AccountHealth(key, "acme", LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-01"), -0.25, 0.1,
        12, 30, spike, AT);
  }

  @Nested
  @DisplayName("contacts")
  class Contacts {
    @Test
    @DisplayName("linking a user twice gives the same contact, in the account the link names")
    void linkTwice_sameContact() {
      CrmContact first = crm.linkContact("user-1", Optional.of("ann@example.com"), Optional.of("acme")).orElseThrow();
      CrmContact again = crm.linkContact("user-1", Optional.of("ann@example.com"), Optional.of("acme")).orElseThrow();

      assertThat(again).isEqualTo(first);
      assertThat(first.accountId()).contains("acme");
      assertThat(reopen(crm).linkContact("user-1", Optional.of("ann@example.com"), Optional.of("acme")))
          .as("after a restart").contains(first);
    }

    @Test
    @DisplayName("different users get different contacts, and a user keeps theirs when their account changes")
    void differentUsers_differentContacts() {
      CrmContact ann = crm.linkContact("user-1", Optional.empty(), Optional.of("acme")).orElseThrow();
      CrmContact bob = crm.linkContact("user-2", Optional.empty(), Optional.empty()).orElseThrow();
      CrmContact moved = crm.linkContact("user-1", Optional.empty(), Optional.of("globex")).orElseThrow();

      assertThat(bob.contactId()).isNotEqualTo(ann.contactId());
      assertThat(bob.accountId()).isEmpty();
      assertThat(moved).isEqualTo(new CrmContact(ann.contactId(), Optional.of("globex")));
    }
  }

  @Nested
  @DisplayName("customer profiles")
  class Profiles {
    @Test
    @DisplayName("a known account reads back as defined, an unknown one as empty")
    void profiles_readBack() {
      assertThat(crm.customerProfile("acme")).contains(ACCOUNTS.get(0));
      assertThat(crm.customerProfile("globex")).contains(ACCOUNTS.get(1));
      assertThat(crm.customerProfile("initech")).isEmpty();
    }
  }

  @Nested
  @DisplayName("activities")
  class Activities {
    @Test
    @DisplayName("an activity is recorded once per key, however often it arrives, also after a restart")
    void activity_dedupedByKey() {
      String contact = crm.linkContact("user-1", Optional.empty(), Optional.empty()).orElseThrow().contactId();
      crm.recordActivity(activity("event-1", contact));
      crm.recordActivity(activity("event-1", contact));
      crm.recordActivity(activity("event-2", contact));
      CrmConnector restarted = reopen(crm);
      restarted.recordActivity(activity("event-1", contact));
      restarted.recordActivity(activity("event-3", contact));

      assertThat(activities(restarted)).containsExactly(activity("event-1", contact), activity("event-2", contact),
          activity("event-3", contact));
    }
  }

  @Nested
  @DisplayName("support cases")
  class Cases {
    @Test
    @DisplayName("a repeated request returns the case it opened; another key opens another case")
    void openCase_sameKeySameCase() {
      String first = crm.openCase(caseRequest("escalation-1")).orElseThrow();

      assertThat(crm.openCase(caseRequest("escalation-1"))).contains(first);
      assertThat(reopen(crm).openCase(caseRequest("escalation-1"))).as("after a restart").contains(first);
      assertThat(reopen(crm).openCase(caseRequest("escalation-2"))).isPresent().get().isNotEqualTo(first);
    }

    @Test
    @DisplayName("an update is recorded once per key, also after a restart")
    void updateCase_dedupedByKey() {
      String caseId = crm.openCase(caseRequest("escalation-1")).orElseThrow();
      SupportCaseUpdate solved = new SupportCaseUpdate("update-1", caseId, "answer.accepted", "Solved", AT);
      SupportCaseUpdate closed = new SupportCaseUpdate("update-2", caseId, "topic.closed", "Closed", AT);
      crm.updateCase(solved);
      crm.updateCase(solved);
      CrmConnector restarted = reopen(crm);
      restarted.updateCase(solved);
      restarted.updateCase(closed);

      assertThat(caseUpdates(restarted)).containsExactly(solved, closed);
    }
  }

  @Nested
  @DisplayName("account health")
  class Health {
    @Test
    @DisplayName("a trend or an alert is recorded once per key, with every field, also after a restart")
    void health_dedupedByKey() {
      AccountHealth trend = health("report-1", Optional.empty());
      AccountHealth alert = health("spike-1", Optional.of("Negative posts rose to 7 of 12"));
      crm.pushAccountHealth(trend);
      crm.pushAccountHealth(trend);
      CrmConnector restarted = reopen(crm);
      restarted.pushAccountHealth(trend);
      restarted.pushAccountHealth(alert);
      restarted.pushAccountHealth(alert);

      assertThat(accountHealth(restarted)).containsExactly(trend, alert);
    }
  }
}
