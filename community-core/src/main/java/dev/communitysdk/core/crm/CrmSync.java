package dev.communitysdk.core.crm;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.AccountHealthReported;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.insight.Insights;
import dev.communitysdk.core.insight.SentimentTrend;
import dev.communitysdk.core.insight.SentimentTrends;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;

/**
 * The community's links to the host's CRM, for admins. Members are linked to a CRM contact and account by the relay's
 * CRM route when they join, and before their first activity is recorded if they were not yet; an admin may link one
 * explicitly ({@link #link}), and that link stays when the member's customer account changes. Account health goes to
 * the CRM through the outbox: {@link #reportAccountHealth} records one report per active account, and the relay pushes
 * each, retrying until the CRM takes it. Thread-safe.
 */
public final class CrmSync {
  private static final int MAX_ACCOUNTS = 10_000;

  private final CommunityContext context;
  private final SentimentTrends trends;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public CrmSync(CommunityContext context) {
    this.context = requireNonNull(context, "context");
    this.trends = new SentimentTrends(context.store().sentiment());
  }

  /**
   * Links a member to a CRM contact and account, replacing the link they had. The CRM is not called: the admin states
   * the contact the CRM holds. Audited.
   *
   * @param actor an admin
   * @param memberId the member
   * @param contactId the CRM's contact id, 1 to {@value CrmLink#MAX_ID} characters
   * @param accountId the CRM's account id, if the contact belongs to one, 1 to {@value CrmLink#MAX_ID} characters
   * @return the link
   * @throws dev.communitysdk.spi.error.ValidationException if an id is blank, too long or holds control characters
   *     (field {@code contactId} or {@code accountId})
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   * @throws NotFoundException if the member does not exist
   * @throws ConflictException if the member was erased (rule {@code member.status})
   */
  public CrmLink link(Actor actor, MemberId memberId, String contactId, Optional<String> accountId) {
    requireNonNull(actor, "actor");
    requireNonNull(memberId, "memberId");
    String contact = InputRules.crmId("contactId", contactId);
    Optional<String> account = requireNonNull(accountId, "accountId").map(id -> InputRules.crmId("accountId", id));
    return context.commands().run("crm.link", () -> {
      Member admin = context.acting(actor, "crm.link");
      context.policy().requireAdmin(admin, "crm.link");
      Member member = context.store().members().find(memberId)
          .orElseThrow(() -> new NotFoundException("member", memberId));
      if (member.status() == MemberStatus.ERASED) {
        throw new ConflictException("member.status", "member " + memberId + " was erased and cannot be linked");
      }
      CrmLink link = new CrmLink(memberId, contact, account, true, context.commands().now());
      context.store().crmLinks().put(link);
      context.audit().record(admin, "crm.link", memberId,
          "contact=" + contact + account.map(id -> "; account=" + id).orElse(""));
      return link;
    });
  }

  /**
   * @param actor an admin
   * @param memberId a member
   * @return the member's CRM link, if they have one
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   */
  public Optional<CrmLink> findLink(Actor actor, MemberId memberId) {
    requireNonNull(actor, "actor");
    requireNonNull(memberId, "memberId");
    return context.commands().run("crm.find-link", () -> {
      context.policy().requireAdmin(context.reader(actor), "crm.find-link");
      return context.store().crmLinks().find(memberId);
    });
  }

  /**
   * Reports every customer account's sentiment trend to the CRM: for each account with named posts in the last
   * {@code 2 × days} UTC days, the last {@code days} days (today included) against the {@code days} before, as the
   * insights' {@link Insights#trend trend} measures it. Each account's report is an {@code account.health-reported}
   * event, written in a transaction of its own; the relay pushes it to the CRM.
   *
   * @param actor an admin
   * @param days the period's length, 1 to {@value Insights#MAX_RANGE_DAYS} / 2
   * @return the trends reported, by account id
   * @throws dev.communitysdk.spi.error.ValidationException if {@code days} is out of range (field {@code days})
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   */
  public List<SentimentTrend> reportAccountHealth(Actor actor, int days) {
    requireNonNull(actor, "actor");
    int length = InputRules.pageSize("days", days, Insights.MAX_RANGE_DAYS / 2);
    LocalDate today = LocalDate.ofInstant(context.commands().now(), ZoneOffset.UTC);
    List<SentimentScope> accounts = context.commands().run("crm.health-accounts", () -> {
      context.policy().requireAdmin(context.acting(actor, "crm.health"), "crm.health");
      return context.store().sentiment().activeScopes(SentimentScopeKind.ACCOUNT,
          today.minusDays(2L * length - 1), MAX_ACCOUNTS);
    });
    List<SentimentTrend> reported = new ArrayList<>(accounts.size());
    for (SentimentScope account : accounts) {
      // One transaction per account: a long run never holds locks, and one account's failure spares the others.
      reported.add(context.commands().run("crm.health", () -> {
        SentimentTrend trend = trends.trend(account, today, length);
        context.events().append(new AccountHealthReported(account.key(), trend.recent().start().toString(),
            today.toString(), HealthReporter.bounded(trend.recent().mean()),
            HealthReporter.bounded(trend.previous().mean()), trend.recent().posts(), trend.previous().posts()),
            context.commands().now());
        return trend;
      }));
    }
    return reported;
  }
}
