package dev.communitysdk.core.review;

import static java.util.Objects.requireNonNull;

/**
 * A review to write, or a review's new content. Validated when written.
 *
 * @param productId the host catalog's product (1 to 100 characters of letters, digits, . _ : -)
 * @param stars 1 to 5
 * @param title 10 to 150 characters
 * @param body the review in Markdown, 1 to 50,000 characters
 */
public record ReviewDraft(String productId, int stars, String title, String body) {
  /** Checks that no field is null. */
  public ReviewDraft {
    requireNonNull(productId, "productId");
    requireNonNull(title, "title");
    requireNonNull(body, "body");
  }

  /**
   * @param productId the product
   * @param stars 1 to 5
   * @param title the title
   * @param body the review in Markdown
   * @return the draft
   */
  public static ReviewDraft of(String productId, int stars, String title, String body) {
    return new ReviewDraft(productId, stars, title, body);
  }
}
