package dev.communitysdk.core.member;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import dev.communitysdk.core.content.HtmlText;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;

/**
 * An author as readers see them. Anonymous content shows as "Anonymous" with no id and no reputation, so that nothing
 * links it to a member; content of erased members shows as "Former member".
 *
 * <p>The display name comes from the host's identity provider and is plain text: embed {@link #displayNameHtml()} in
 * HTML, never {@link #displayName()}.
 *
 * @param memberId the author, absent when anonymous or erased
 * @param displayName what to show, as plain text
 * @param reputation the author's reputation, absent when anonymous or erased
 * @param handle the author's community handle, for {@code @handle} mentions; absent when anonymous or erased
 */
public record AuthorRef(
    Optional<MemberId> memberId, String displayName, Optional<Long> reputation, Optional<String> handle) {
  /** The name shown for anonymous content. */
  public static final String ANONYMOUS_NAME = "Anonymous";
  /** The name shown for content of erased members. */
  public static final String FORMER_MEMBER_NAME = "Former member";

  /** Checks the fields. */
  public AuthorRef {
    requireNonNull(memberId, "memberId");
    requireNonNull(displayName, "displayName");
    requireNonNull(reputation, "reputation");
    requireNonNull(handle, "handle");
  }

  /**
   * @param author the stored author
   * @param anonymous whether the content was posted anonymously
   * @return the author as readers may see them
   */
  public static AuthorRef of(Member author, boolean anonymous) {
    if (anonymous) {
      return new AuthorRef(Optional.empty(), ANONYMOUS_NAME, Optional.empty(), Optional.empty());
    }
    if (author.status() == MemberStatus.ERASED) {
      return new AuthorRef(Optional.empty(), FORMER_MEMBER_NAME, Optional.empty(), Optional.empty());
    }
    return new AuthorRef(Optional.of(author.id()), author.displayName(), Optional.of(author.reputation()),
        Optional.of(author.handle()));
  }

  /** @return the display name escaped for HTML element content and quoted attribute values */
  public String displayNameHtml() {
    return HtmlText.escapeText(displayName);
  }

  /** @return whether the author is hidden */
  public boolean hidden() {
    return memberId.isEmpty();
  }
}
