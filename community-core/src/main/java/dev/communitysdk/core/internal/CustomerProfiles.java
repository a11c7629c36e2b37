package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.model.Member;

/**
 * What the CRM says of customer accounts, cached for a while so that a busy page does not call the CRM for every row.
 * Called outside command transactions, except by the access policy, which needs a member's tier to decide on a
 * restricted space inside the read or command that asks: a miss there calls the CRM with the transaction open, which
 * the cache keeps rare. A CRM failure is logged and treated as "unknown account" for this call, and is not cached, so
 * that the next call asks again. Thread-safe. Not API.
 */
public final class CustomerProfiles {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerProfiles.class);

  private final CrmConnector crm;
  private final Cache<String, Optional<CustomerProfile>> cache;

  /**
   * @param crm the host's CRM connector
   * @param ttl how long a profile is trusted
   * @param maximumSize how many accounts are cached at most
   * @param ticker the cache's time: the community's clock, as {@link ClockTicker} reads it
   */
  public CustomerProfiles(CrmConnector crm, Duration ttl, long maximumSize, Ticker ticker) {
    this.crm = requireNonNull(crm, "crm");
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(requireNonNull(ttl, "ttl"))
        .ticker(requireNonNull(ticker, "ticker"))
        .maximumSize(maximumSize)
        .recordStats()
        .build();
  }

  /**
   * @param accountId a customer account id
   * @return the account's profile, or empty when the CRM does not know the account or cannot be reached
   */
  public Optional<CustomerProfile> of(String accountId) {
    requireNonNull(accountId, "accountId");
    Optional<CustomerProfile> cached = cache.getIfPresent(accountId);
    if (cached != null) {
      return cached;
    }
    try {
      Optional<CustomerProfile> profile = requireNonNull(crm.customerProfile(accountId), "customerProfile result");
      cache.put(accountId, profile);
      return profile;
    } catch (RuntimeException e) {
      LOG.warn("The CRM could not tell the profile of account {}; treating it as unknown for now", accountId, e);
      return Optional.empty();
    }
  }

  /**
   * Forgets the cached profile of an account, so that the next read asks the CRM again.
   *
   * @param accountId a customer account id
   */
  public void evict(String accountId) {
    cache.invalidate(requireNonNull(accountId, "accountId"));
  }

  /**
   * @param member a member
   * @param productId a product of the host's catalog
   * @return whether the CRM says the member's customer account owns the product
   */
  public boolean owns(Member member, String productId) {
    return member.profile().customerAccountId()
        .flatMap(this::of)
        .map(profile -> profile.productsOwned().contains(productId))
        .orElse(false);
  }
}
