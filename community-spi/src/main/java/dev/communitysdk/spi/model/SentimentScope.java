package dev.communitysdk.spi.model;

import static java.util.Objects.requireNonNull;

/**
 * One thing sentiment is aggregated for: the community, a space, a tag, a member, a customer account or a product.
 *
 * @param kind what the aggregate is about
 * @param key the space or member id, the tag, the account or product id; empty for the community
 */
public record SentimentScope(SentimentScopeKind kind, String key) {
  /** The longest key a store must keep. */
  public static final int MAX_KEY = 100;

  /** Checks that the key fits the kind. */
  public SentimentScope {
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
    if ((kind == SentimentScopeKind.COMMUNITY) != key.isEmpty()) {
      throw new IllegalArgumentException("a " + kind + " scope " + (key.isEmpty() ? "needs" : "takes no") + " key");
    }
    if (key.length() > MAX_KEY) {
      throw new IllegalArgumentException("key must be at most " + MAX_KEY + " characters");
    }
  }

  /** @return the whole community */
  public static SentimentScope community() {
    return new SentimentScope(SentimentScopeKind.COMMUNITY, "");
  }

  /** @return one space */
  public static SentimentScope space(SpaceId id) {
    return new SentimentScope(SentimentScopeKind.SPACE, Long.toString(id.value()));
  }

  /** @return topics with one tag */
  public static SentimentScope tag(String tag) {
    return new SentimentScope(SentimentScopeKind.TAG, tag);
  }

  /** @return one member's named posts */
  public static SentimentScope member(MemberId id) {
    return new SentimentScope(SentimentScopeKind.MEMBER, Long.toString(id.value()));
  }

  /** @return one customer account's named posts */
  public static SentimentScope account(String accountId) {
    return new SentimentScope(SentimentScopeKind.ACCOUNT, accountId);
  }

  /** @return posts about one product */
  public static SentimentScope product(String productId) {
    return new SentimentScope(SentimentScopeKind.PRODUCT, productId);
  }
}
