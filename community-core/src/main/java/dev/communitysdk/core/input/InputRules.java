package dev.communitysdk.core.input;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.CrmLink;

/**
 * The rules member input must meet. Each check either returns the input unchanged or throws a
 * {@link ValidationException} naming the field and the rule; nothing is silently corrected.
 */
public final class InputRules {
  /** Fewest characters in a topic title. */
  public static final int TITLE_MIN = 10;
  /** Most characters in a topic title. */
  public static final int TITLE_MAX = 150;
  /** Most characters in a post body. */
  public static final int BODY_MAX = 50_000;
  /** Most tags on a topic. */
  public static final int TAGS_MAX = 5;
  /** Most characters in a tag. */
  public static final int TAG_MAX = 30;
  /** Most characters in a space slug. */
  public static final int SLUG_MAX = 50;
  /** Most characters in a space name. */
  public static final int NAME_MAX = 100;
  /** Most characters in a space description. */
  public static final int DESCRIPTION_MAX = 2_000;
  /** Most characters in a moderator's reason or a flag's note. */
  public static final int REASON_MAX = 500;
  /** The longest escalation service level. */
  public static final Duration ESCALATION_SLA_MAX = Duration.ofDays(365);

  private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1," + TAG_MAX + "}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (SLUG_MAX - 2) + "}[a-z0-9])?");

  private InputRules() {}

  /**
   * @param title a topic title
   * @return the title, when it has 10 to 150 characters, is not blank and holds no control characters
   */
  public static String title(String title) {
    requirePresent("title", title);
    int length = title.codePointCount(0, title.length());
    if (title.isBlank() || length < TITLE_MIN || length > TITLE_MAX) {
      throw new ValidationException("title", "must be " + TITLE_MIN + " to " + TITLE_MAX + " characters", title);
    }
    requireNoControl("title", title, false);
    return title;
  }

  /**
   * @param body a post body in Markdown
   * @return the body, when it has 1 to 50,000 characters, is not blank and holds no control characters but line
   *     breaks and tabs
   */
  public static String body(String body) {
    return markdown("body", body);
  }

  /**
   * @param field the field's name, for the error
   * @param markdown a Markdown text: a post body, an official response
   * @return the text, when it has 1 to 50,000 characters, is not blank and holds no control characters but line
   *     breaks and tabs
   */
  public static String markdown(String field, String markdown) {
    requirePresent(field, markdown);
    if (markdown.isBlank() || markdown.length() > BODY_MAX) {
      throw new ValidationException(field, "must be 1 to " + BODY_MAX + " characters and not blank", markdown);
    }
    requireNoControl(field, markdown, true);
    return markdown;
  }

  /**
   * @param stars a review's rating
   * @return the stars, when 1 to 5
   */
  public static int stars(int stars) {
    if (stars < 1 || stars > 5) {
      throw new ValidationException("stars", "must be 1 to 5", stars);
    }
    return stars;
  }

  /**
   * @param tags a topic's tags
   * @return the tags, when there are at most 5, each 1 to 30 characters of {@code [a-z0-9-]}, none repeated
   */
  public static List<String> tags(List<String> tags) {
    requirePresent("tags", tags);
    if (tags.size() > TAGS_MAX) {
      throw new ValidationException("tags", "must hold at most " + TAGS_MAX + " tags", tags.size() + " tags");
    }
    Set<String> seen = new HashSet<>();
    List<String> checked = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      String field = "tags[" + i + "]";
      tag(field, tag);
      if (!seen.add(tag)) {
        throw new ValidationException(field, "must not repeat another tag", tag);
      }
      checked.add(tag);
    }
    return List.copyOf(checked);
  }

  /**
   * @param field the field's name, for the error
   * @param tag a tag
   * @return the tag, when it has 1 to 30 characters of {@code [a-z0-9-]}
   */
  public static String tag(String field, String tag) {
    requirePresent(field, tag);
    if (!TAG.matcher(tag).matches()) {
      throw new ValidationException(field, "must be 1 to " + TAG_MAX + " characters of a-z, 0-9 and -", tag);
    }
    return tag;
  }

  /**
   * @param productId a product id of the host's catalog
   * @return the id, when it has 1 to 100 characters of letters, digits, '.', '_', ':' and '-'
   */
  public static String productId(String productId) {
    requirePresent("productId", productId);
    if (!PRODUCT.matcher(productId).matches()) {
      throw new ValidationException("productId", "must be 1 to 100 characters of letters, digits, . _ : and -",
          productId);
    }
    return productId;
  }

  /**
   * @param slug a space slug
   * @return the slug, when it has 1 to 50 characters of {@code [a-z0-9-]}, starting and ending with a letter or digit
   */
  public static String slug(String slug) {
    requirePresent("slug", slug);
    if (!SLUG.matcher(slug).matches()) {
      throw new ValidationException(
          "slug", "must be 1 to " + SLUG_MAX + " characters of a-z, 0-9 and -, starting and ending with a-z or 0-9",
          slug);
    }
    return slug;
  }

  /**
   * @param name a space name
   * @return the name, when it has 1 to 100 characters, is not blank and holds no control characters
   */
  public static String name(String name) {
    requirePresent("name", name);
    if (name.isBlank() || name.length() > NAME_MAX) {
      throw new ValidationException("name", "must be 1 to " + NAME_MAX + " characters and not blank", name);
    }
    requireNoControl("name", name, false);
    return name;
  }

  /**
   * @param description a space description
   * @return the description, when it has at most 2,000 characters and no control characters but line breaks
   */
  public static String description(String description) {
    requirePresent("description", description);
    if (description.length() > DESCRIPTION_MAX) {
      throw new ValidationException("description", "must be at most " + DESCRIPTION_MAX + " characters", description);
    }
    requireNoControl("description", description, true);
    return description;
  }

  /**
   * @param field the field, such as {@code "reason"} or {@code "note"}
   * @param reason a moderator's reason or a flagger's note
   * @return the text, when it has 1 to 500 characters, is not blank and holds no control characters but line breaks
   */
  public static String reason(String field, String reason) {
    requirePresent(field, reason);
    if (reason.isBlank() || reason.length() > REASON_MAX) {
      throw new ValidationException(field, "must be 1 to " + REASON_MAX + " characters and not blank", reason);
    }
    requireNoControl(field, reason, true);
    return reason;
  }

  /**
   * @param field the field, such as {@code "contactId"} or {@code "accountId"}
   * @param id a CRM's contact or account id
   * @return the id, when it has 1 to {@value dev.communitysdk.spi.model.CrmLink#MAX_ID} characters, is not blank and
   *     holds no control characters
   */
  public static String crmId(String field, String id) {
    requirePresent(field, id);
    if (id.isBlank() || id.length() > CrmLink.MAX_ID) {
      throw new ValidationException(field, "must be 1 to " + CrmLink.MAX_ID + " characters and not blank", id);
    }
    requireNoControl(field, id, false);
    return id;
  }

  /**
   * @param field the input field, such as {@code "sla"}
   * @param sla an escalation service level
   * @return the service level, when it is whole seconds from 1 second to {@link #ESCALATION_SLA_MAX}
   * @throws ValidationException otherwise
   */
  public static Duration escalationSla(String field, Duration sla) {
    requirePresent(field, sla);
    if (sla.getNano() != 0 || sla.compareTo(Duration.ofSeconds(1)) < 0 || sla.compareTo(ESCALATION_SLA_MAX) > 0) {
      throw new ValidationException(field, "must be whole seconds, from 1 second to 365 days", sla);
    }
    return sla;
  }

  /**
   * @param field the field, for the message
   * @param limit the page size asked for
   * @param max the largest page served
   * @return the limit, when it is 1 to {@code max}
   */
  public static int pageSize(String field, int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new ValidationException(field, "must be 1 to " + max, limit);
    }
    return limit;
  }

  private static void requirePresent(String field, @org.jspecify.annotations.Nullable Object value) {
    if (value == null) {
      throw new ValidationException(field, "is required", "null");
    }
  }

  private static void requireNoControl(String field, String text, boolean allowLineBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
      if (Character.isISOControl(c) && !(allowLineBreaks && lineBreak)) {
        throw new ValidationException(field, "must not contain control characters", text);
      }
    }
  }
}
