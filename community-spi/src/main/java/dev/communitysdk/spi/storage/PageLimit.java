package dev.communitysdk.spi.storage;

/** The page-size check every store's listing makes: a port names its largest page, and a store refuses others. */
public final class PageLimit {
  private PageLimit() {}

  /**
   * @param limit the page size asked for
   * @param max the largest page the port serves
   * @throws IllegalArgumentException unless {@code limit} is 1 to {@code max}
   */
  public static void check(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new IllegalArgumentException("limit must be 1 to " + max + ", was " + limit);
    }
  }
}
