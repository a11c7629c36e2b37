package dev.communitysdk.spi.error;

import static java.util.Objects.requireNonNull;

/** Something the caller named does not exist, or is not visible to the caller (the two are deliberately alike). */
public final class NotFoundException extends CommunityException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  /**
   * @param kind what was looked for, such as {@code "topic"}
   * @param id the id that was not found
   */
  public NotFoundException(String kind, Object id) {
    super(requireNonNull(kind, "kind") + " " + id + " does not exist");
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  /** @return what was looked for, such as {@code "topic"} */
  public String kind() {
    return kind;
  }

  /** @return the id that was not found, as text */
  public String id() {
    return id;
  }
}
