package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CrmContact;
import dev.communitysdk.spi.model.CrmLink;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;

/**
 * Links members to CRM contacts through the connector: reads in one short transaction, calls the CRM with no
 * transaction open, and stores the link in another, which checks again that the member was not erased meanwhile.
 * Every step is idempotent, so a redelivered event links the same way. Shared by the relay's routes that name members
 * to the CRM (activity, support cases). Thread-safe.
 */
public final class ContactLinker {
  private final CommunityContext context;
  private final CrmConnector crm;

  /**
   * @param context the community's shared services
   * @param crm the host's CRM
   */
  public ContactLinker(CommunityContext context, CrmConnector crm) {
    this.context = requireNonNull(context, "context");
    this.crm = requireNonNull(crm, "crm");
  }

  /** A member, as linking needs them, with their link if they have one. */
  private record Subject(Member member, Optional<CrmLink> link) {}

  /**
   * @param memberId a member
   * @return the member's link, made now if they had none; empty when the member is gone or erased, or the CRM keeps
   *     no contact for them
   */
  public Optional<CrmLink> ensureLinked(MemberId memberId) {
    Optional<Subject> subject = read(memberId);
    if (subject.isEmpty()) {
      return Optional.empty();
    }
    return subject.get().link().isPresent() ? subject.get().link() : link(subject.get().member());
  }

  /**
   * Links the member again when the customer account of their profile is not the account of their link; an admin's
   * link stays as the admin set it.
   *
   * @param memberId a member whose profile changed
   */
  public void relinkIfMoved(MemberId memberId) {
    read(memberId).ifPresent(subject -> {
      Optional<String> account = subject.member().profile().customerAccountId();
      boolean stale = subject.link().map(link -> !link.manual() && !link.accountId().equals(account)).orElse(true);
      if (stale) {
        link(subject.member());
      }
    });
  }

  private Optional<Subject> read(MemberId memberId) {
    return context.commands().run("crm.link-read", () -> context.store().members().find(memberId)
        .filter(member -> member.status() != MemberStatus.ERASED)
        .map(member -> new Subject(member, context.store().crmLinks().find(memberId))));
  }

  private Optional<CrmLink> link(Member member) {
    Optional<CrmContact> contact = requireNonNull(crm.linkContact(member.externalId(), member.profile().email(),
        member.profile().customerAccountId()), "linkContact result");
    if (contact.isEmpty()) {
      return Optional.empty();
    }
    return context.commands().run("crm.link", () -> {
      boolean erased = context.store().members().find(member.id())
          .map(current -> current.status() == MemberStatus.ERASED).orElse(true);
      if (erased) {
        return Optional.empty();
      }
      CrmLink link = new CrmLink(member.id(), contact.get().contactId(), contact.get().accountId(), false,
          context.commands().now());
      context.store().crmLinks().put(link);
      return Optional.of(link);
    });
  }
}
