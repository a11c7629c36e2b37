package dev.communitysdk.core.memory;

import dev.communitysdk.spi.error.StorageException;

/** The foreign keys of the database schema, checked the way the database would: a write that points nowhere fails. */
final class References {
  private References() {}

  /**
   * @param exists whether the referenced row exists
   * @param from the referencing row, such as {@code "post"}
   * @param to the referenced row, such as {@code "topic"}
   * @param id the referenced id
   * @throws StorageException if the referenced row does not exist, as a database's foreign key would refuse it
   */
  static void require(boolean exists, String from, String to, Object id) {
    if (!exists) {
      throw new StorageException(from + " refers to " + to + " " + id + ", which does not exist", null);
    }
  }
}
