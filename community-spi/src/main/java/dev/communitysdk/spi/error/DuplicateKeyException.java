package dev.communitysdk.spi.error;

/**
 * A store refused a write because a unique key already holds a row: the database's last word on races that the
 * domain's own checks cannot see (two concurrent first votes by one member, say). The transaction is rolled back; core
 * retries the command once, so that its checks see the committed row and answer with a domain error.
 */
public final class DuplicateKeyException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** @param what the unique key that was violated, such as {@code "cm_vote(post_id, member_id)"} */
  public DuplicateKeyException(String what) {
    super("unique", "a row with the same key already exists: " + what);
  }
}
