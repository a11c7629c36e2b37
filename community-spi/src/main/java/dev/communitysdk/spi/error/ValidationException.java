package dev.communitysdk.spi.error;

import static java.util.Objects.requireNonNull;

/**
 * Input broke a rule. Names the field, the rule and a short, safe summary of the rejected value, so that a host can
 * show the message next to the right form field. Nothing was written when this is thrown.
 */
public final class ValidationException extends CommunityException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SUMMARY = 40;

  private final String field;
  private final String rule;
  private final String valueSummary;

  /**
   * @param field the input field, such as {@code "title"} or {@code "tags[2]"}
   * @param rule the rule broken, as a short sentence such as {@code "must be 10 to 150 characters"}
   * @param value the rejected value; only a short, printable summary of it is kept
   */
  public ValidationException(String field, String rule, Object value) {
    this(field, rule, summarize(value), true);
  }

  private ValidationException(String field, String rule, String valueSummary, boolean unused) {
    super(requireNonNull(field, "field") + " " + requireNonNull(rule, "rule") + " (was " + valueSummary + ")");
    this.field = field;
    this.rule = rule;
    this.valueSummary = valueSummary;
  }

  /** @return the input field that broke the rule */
  public String field() {
    return field;
  }

  /** @return the rule that was broken */
  public String rule() {
    return rule;
  }

  /** @return a short, printable summary of the rejected value (never the whole value) */
  public String valueSummary() {
    return valueSummary;
  }

  private static String summarize(Object value) {
    if (value instanceof CharSequence text) {
      String printable = text.codePoints()
          .map(c -> Character.isISOControl(c) ? '?' : c)
          .limit(MAX_SUMMARY)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();
      String suffix = text.length() > MAX_SUMMARY ? "…" : "";
      return "\"" + printable + suffix + "\" (" + text.length() + " chars)";
    }
    return String.valueOf(value);
  }
}
